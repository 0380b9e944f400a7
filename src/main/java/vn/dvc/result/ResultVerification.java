package vn.dvc.result;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import vn.dvc.result.SignedPdfInspection.Report;
import vn.dvc.result.SignedPdfInspection.Signature;

/**
 * Answers whether a file is one of our results as issued. GENUINE: its SHA-256 is that of a result we
 * issued, and its last signature verifies and covers the whole file. MODIFIED: it is recognisably one of
 * ours (it names a result code we issued, or is signed with a certificate we signed results with) but its
 * bytes differ from every result we issued: changed, or something appended after the signature. UNKNOWN:
 * nothing ties it to us.
 */
@Service
class ResultVerification {

    /** A result code as printed: the dossier code of RULES.md §2 and -KQ<n>. */
    static final Pattern RESULT_CODE = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}-\\d{6}-\\d{4}-KQ\\d{1,4}");

    enum Verdict {
        GENUINE, MODIFIED, UNKNOWN
    }

    /** The answer: the verdict, and the result it is (GENUINE) or claims to be (MODIFIED), if known. */
    record Outcome(Verdict verdict, ElectronicResult result, Report report, boolean notPdf) {

        Outcome(Verdict verdict, ElectronicResult result, Report report) {
            this(verdict, result, report, false);
        }
    }

    private final ResultRecords records;
    private final SignedPdfInspection inspection;

    ResultVerification(ResultRecords records, SignedPdfInspection inspection) {
        this.records = records;
        this.inspection = inspection;
    }

    Optional<ElectronicResult> byCode(String resultCode) {
        if (resultCode == null || !RESULT_CODE.matcher(resultCode.strip()).matches()) {
            return Optional.empty();
        }
        return records.find(resultCode.strip());
    }

    Outcome verify(byte[] file) {
        Report report = inspection.inspect(file);
        Optional<ElectronicResult> issued = records.findBySha256(report.sha256());
        if (issued.isPresent()) {
            boolean intact = report.readable() && !report.signatures().isEmpty()
                    && !report.signatures().get(report.signatures().size() - 1).modifiedAfterSigning();
            return new Outcome(intact ? Verdict.GENUINE : Verdict.MODIFIED, issued.get(), report);
        }
        for (String code : codesIn(file, report)) {
            Optional<ElectronicResult> claimed = records.find(code);
            if (claimed.isPresent()) {
                return new Outcome(Verdict.MODIFIED, claimed.get(), report);
            }
        }
        for (Signature signature : report.signatures()) {
            if (signature.certificateSha256() != null && records.signedWith(signature.certificateSha256())) {
                return new Outcome(Verdict.MODIFIED, null, report);
            }
        }
        // UNKNOWN because it is not a PDF at all (by its content): the API and the page say so instead of "not one of
        // ours". A damaged copy of one of our results was found MODIFIED above even if it no longer starts as a PDF.
        boolean pdf = vn.dvc.document.FileType.detect(file).filter(t -> t == vn.dvc.document.FileType.PDF).isPresent();
        return new Outcome(Verdict.UNKNOWN, null, report, !pdf);
    }

    /**
     * Result codes the file names: in its signatures' reasons, and anywhere in its raw bytes (read as
     * Latin-1 with NUL bytes dropped, so that UTF-16 strings match too), which still works when the file
     * is too damaged to parse.
     */
    private static Set<String> codesIn(byte[] file, Report report) {
        Set<String> codes = new LinkedHashSet<>();
        for (Signature signature : report.signatures()) {
            if (signature.reason() != null) {
                Matcher m = RESULT_CODE.matcher(signature.reason());
                while (m.find()) {
                    codes.add(m.group());
                }
            }
        }
        String raw = new String(file, StandardCharsets.ISO_8859_1).replace("\0", "");
        Matcher m = RESULT_CODE.matcher(raw);
        while (m.find() && codes.size() < 20) {
            codes.add(m.group());
        }
        return codes;
    }
}
