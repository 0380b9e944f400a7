package vn.dvc.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.dvc.catalogue.Channel;
import vn.dvc.dossier.RequestFingerprint.File;

class RequestFingerprintTest {

    static final String FORM = "{\"name\":\"Nguyễn Văn A\",\"children\":[{\"name\":\"B\",\"born\":2020}],\"n\":1}";
    static final String SAME_FORM = """
            { "n" : 1,
              "children" : [ { "born" : 2020, "name" : "B" } ],
              "name" : "Nguyễn Văn A" }
            """;
    static final List<File> FILES = List.of(new File(0, "aa"), new File(1, "bb"), new File(0, "cc"));

    static String of(String procedure, String agency, Channel channel, int caseIndex, String form,
            Representation rep, List<File> files) {
        return RequestFingerprint.of(procedure, agency, channel, caseIndex, form, rep, files);
    }

    @Test
    void whitespaceKeyOrderAndTheOrderOfComponentsDoNotMakeAnotherRequest() {
        String first = of("1.001", "000.00.03.H21", Channel.ONLINE, 0, FORM, null, FILES);
        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(of(" 1.001 ", "000.00.03.H21 ", Channel.ONLINE, 0, SAME_FORM, null,
                List.of(new File(1, "bb"), new File(0, "aa"), new File(0, "cc")))).isEqualTo(first);
        assertThat(of("1.001", null, Channel.ONLINE, 0, null, null, List.of()))
                .isEqualTo(of("1.001", " ", Channel.ONLINE, 0, "{}", null, List.of()));
    }

    @Test
    void everyPartOfTheRequestCounts() {
        String first = of("1.001", "A", Channel.ONLINE, 0, FORM, null, FILES);
        assertThat(List.of(
                of("1.002", "A", Channel.ONLINE, 0, FORM, null, FILES),
                of("1.001", "B", Channel.ONLINE, 0, FORM, null, FILES),
                of("1.001", "A", Channel.DIRECT, 0, FORM, null, FILES),
                of("1.001", "A", Channel.ONLINE, 1, FORM, null, FILES),
                of("1.001", "A", Channel.ONLINE, 0, FORM.replace("2020", "2021"), null, FILES),
                of("1.001", "A", Channel.ONLINE, 0, FORM.replace("\"n\":1", "\"n\":\"1\""), null, FILES),
                of("1.001", "A", Channel.ONLINE, 0, FORM, new Representation("C", "001085000001", "UQ 1"), FILES),
                of("1.001", "A", Channel.ONLINE, 0, FORM, null, FILES.subList(0, 2)),
                of("1.001", "A", Channel.ONLINE, 0, FORM, null,
                        List.of(new File(0, "cc"), new File(1, "bb"), new File(0, "aa"))),
                of("1.001", "A", Channel.ONLINE, 0, FORM, null,
                        List.of(new File(1, "aa"), new File(1, "bb"), new File(0, "cc")))))
                .doesNotContain(first).doesNotHaveDuplicates();
    }

    @Test
    void aFormThatIsNoJsonStillHasAFingerprintOfItsText() {
        assertThat(of("1", "A", Channel.ONLINE, 0, "{not json", null, List.of()))
                .isNotEqualTo(of("1", "A", Channel.ONLINE, 0, "{not json either", null, List.of()));
    }

    @Test
    void theSha256OfContentIsWhatTheDocumentStoreRecords() {
        assertThat(RequestFingerprint.sha256(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
