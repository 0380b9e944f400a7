package vn.dvc.result;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.document.Documents;
import vn.dvc.document.FileType;
import vn.dvc.document.StoredDocument;
import vn.dvc.document.UploadRules;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.Dossiers;
import vn.dvc.form.FormField;
import vn.dvc.form.Forms;
import vn.dvc.identity.AccountContacts;
import vn.dvc.identity.ApplicantProfile;
import vn.dvc.identity.Applicants;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.VietnamTime;

/**
 * Issues electronic results: numbers them per dossier ({@code <dossier code>-KQ<n>}), takes the
 * uploaded PDF or draws the generic template, stamps it (signer, agency, time, code, QR code of
 * {@code <app.public-url>/verify/<code>}), signs it with the agency's key (PAdES baseline B) and stores it
 * through {@link Documents}, with a row in {@code electronic_result}, all in one transaction.
 */
@Service
public class ElectronicResults {

    private static final Logger log = LoggerFactory.getLogger(ElectronicResults.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter STAMP_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final UploadRules RESULT_FILES = UploadRules.of(50 * UploadRules.MEGABYTE, FileType.PDF);
    private static final int MAX_ANSWERS = 25;

    private final Dossiers dossiers;
    private final Agencies agencies;
    private final Applicants applicants;
    private final AccountContacts contacts;
    private final Forms forms;
    private final Documents documents;
    private final SigningKeys keys;
    private final ResultRecords records;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;
    private final String publicUrl;
    private final ApplicationEventPublisher events;

    ElectronicResults(Dossiers dossiers, Agencies agencies, Applicants applicants, AccountContacts contacts,
            Forms forms, Documents documents, SigningKeys keys, ResultRecords records, MessageSource messages,
            JsonMapper json, Clock clock, @Value("${result.public-url:${app.public-url:http://localhost:8080}}")
            String publicUrl, ApplicationEventPublisher events) {
        this.events = events;
        this.dossiers = dossiers;
        this.agencies = agencies;
        this.applicants = applicants;
        this.contacts = contacts;
        this.forms = forms;
        this.documents = documents;
        this.keys = keys;
        this.records = records;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * Issues the next result of the dossier, signed by its agency's key.
     *
     * @param uploadedPdfDocumentId a PDF already stored through {@link Documents} (the officer's own result
     *                              document), or empty to draw the generic template from the dossier
     * @param actor                 who issues it (a username, for the record)
     * @throws NotFoundException     for an unknown dossier or document
     * @throws InvalidInputException when the uploaded document is not a readable PDF
     * @throws vn.dvc.shared.ConflictException when the agency has no signing key (and demo mode is off)
     */
    @Transactional
    public ElectronicResult issue(String dossierCode, Optional<UUID> uploadedPdfDocumentId, String actor) {
        Dossier dossier = dossiers.findByCode(dossierCode)
                .orElseThrow(() -> new NotFoundException("dossier.not-found", dossierCode));
        String agencyName = agencies.find(dossier.agencyCode()).map(Agency::name).orElse(dossier.agencyCode());
        SigningKey key = keys.forAgency(dossier.agencyCode(), agencyName);
        byte[] uploaded = uploadedPdfDocumentId.map(this::readablePdf).orElse(null);

        int number = records.nextNumber(dossier.id());
        String resultCode = dossier.code() + "-KQ" + number;
        Instant signedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        byte[] source = uploaded != null ? uploaded : ResultPdf.generate(template(dossier, agencyName, resultCode));
        byte[] stamped = ResultPdf.stamp(source, new ResultPdf.Stamp(List.of(
                text("result.pdf.stamp.signer", key.commonName()),
                text("result.pdf.stamp.agency", agencyName),
                text("result.pdf.stamp.time", STAMP_TIME.format(signedAt.atZone(VietnamTime.ZONE))),
                text("result.pdf.stamp.code", resultCode),
                text("result.pdf.stamp.verify", publicUrl + "/verify")), verificationUrl(resultCode)));
        byte[] signed = PdfSigner.sign(stamped, key, new PdfSigner.Details(key.commonName(),
                text("result.pdf.reason", resultCode), agencyName, verificationUrl(resultCode), signedAt));

        StoredDocument stored = documents.store("result", resultCode + ".pdf", new ByteArrayInputStream(signed),
                RESULT_FILES);
        ElectronicResult result = new ElectronicResult(resultCode, dossier.code(), number, dossier.agencyCode(),
                agencyName, dossier.procedureName(), key.subject(), key.commonName(), stored.id(), stored.sha256(),
                stored.size(), uploaded == null, actor, signedAt);
        try {
            records.insert(dossier.id(), result, SignedPdfInspection.sha256(key.certificate().getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        events.publishEvent(new ElectronicResultIssued(resultCode, dossier.code(), dossier.agencyCode(), stored.id(),
                actor, signedAt));
        log.info("Issued electronic result {} ({} bytes, SHA-256 {})", resultCode, stored.size(), stored.sha256());
        return result;
    }

    /** The dossier's results, first issued first. It checks no access: callers do. */
    public List<ElectronicResult> ofDossier(String dossierCode) {
        return records.ofDossier(dossierCode);
    }

    /** A result by its code. It checks no access: what the public may see of it is the caller's choice. */
    public Optional<ElectronicResult> find(String resultCode) {
        return records.find(resultCode);
    }

    /** The signed PDF's bytes, checked against the stored hash as they are read. */
    public InputStream open(ElectronicResult result) {
        return documents.open(result.documentId());
    }

    /** Where the QR code of a result leads. */
    public String verificationUrl(String resultCode) {
        return publicUrl + "/verify/" + resultCode;
    }

    private byte[] readablePdf(UUID documentId) {
        StoredDocument document = documents.describe(documentId);
        if (!FileType.PDF.mediaType().equals(document.mediaType())) {
            throw new InvalidInputException("result.error.not-pdf", document.fileName());
        }
        byte[] bytes;
        try (InputStream in = documents.open(documentId)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            if (pdf.getNumberOfPages() == 0) {
                throw new InvalidInputException("result.error.not-pdf", document.fileName());
            }
        } catch (IOException e) {
            throw new InvalidInputException("result.error.not-pdf", document.fileName());
        }
        return bytes;
    }

    private ResultPdf.Template template(Dossier dossier, String agencyName, String resultCode) {
        String applicant = applicants.profile(dossier.applicantId()).map(ApplicantProfile::fullName)
                .or(() -> contacts.fullName(dossier.applicantId())).orElse("");
        JsonNode form = json.readTree(dossier.formJson() == null ? "{}" : dossier.formJson());
        List<String> facts = new ArrayList<>();
        facts.add(text("result.pdf.number", resultCode));
        facts.add(text("result.pdf.procedure", dossier.procedureName(), dossier.procedureCode()));
        facts.add(text("result.pdf.dossier", dossier.code()));
        facts.add(text("result.pdf.applicant", applicant));
        if (dossier.onBehalf()) {
            facts.add(text("result.pdf.on-behalf", dossier.representation().representedName()));
        }
        if (dossier.receivedAt() != null) {
            facts.add(text("result.pdf.received", DAY.format(dossier.receivedAt().atZone(VietnamTime.ZONE))));
        }
        String request = text(form, "requestSummary").orElse(dossier.procedureName());
        String decision = text(form, "decisionText")
                .orElse(text("result.pdf.decision.default", agencyName, request, applicant, dossier.code()));
        List<Map.Entry<String, String>> answers = new ArrayList<>();
        var definition = forms.definitionFor(dossier.procedureVersionId());
        // In the order of the form (the stored JSON does not keep it), then any answer the form no longer has.
        List<String> names = new ArrayList<>(definition.fields().stream().map(FormField::name).toList());
        form.properties().forEach(e -> {
            if (!names.contains(e.getKey())) {
                names.add(e.getKey());
            }
        });
        for (String name : names) {
            JsonNode value = form.get(name);
            if (answers.size() < MAX_ANSWERS && value != null && value.isValueNode() && !value.asString().isBlank()) {
                String label = definition.field(name).map(FormField::label).orElse(name);
                answers.add(new SimpleEntry<>(label, value.asString()));
            }
        }
        return new ResultPdf.Template(text("result.pdf.title", resultCode),
                List.of(agencyName.toUpperCase(VIETNAMESE), text("result.pdf.nation"), "", text("result.pdf.motto")),
                text("result.pdf.heading"), facts, text("result.pdf.decision"), decision, text("result.pdf.answers"),
                answers);
    }

    private static Optional<String> text(JsonNode form, String field) {
        JsonNode value = form.get(field);
        return value != null && value.isValueNode() && !value.asString().isBlank() ? Optional.of(value.asString().strip())
                : Optional.empty();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
