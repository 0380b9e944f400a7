package vn.dvc.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class UploadRulesTest {

    @Test
    void defaultsAcceptScansPhotosAndOfficeDocumentsUpToTenMegabytes() {
        UploadRules rules = UploadRules.defaults();
        assertThat(rules.maxBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(rules.sizeLabel()).isEqualTo("10 MB");
        assertThat(rules.typeLabels()).isEqualTo("PDF, JPEG, PNG, DOC, DOCX, XLS, XLSX, ODT, ODS");
        assertThat(rules.allows(FileType.PDF)).isTrue();
        assertThat(rules.allows(FileType.TEXT)).isFalse();
        assertThat(rules.acceptAttribute()).startsWith(".pdf,application/pdf,.jpg,.jpeg,");
    }

    @Test
    void namesSizesAsPeopleReadThem() {
        assertThat(UploadRules.sizeLabel(512 * 1024)).isEqualTo("512 KB");
        assertThat(UploadRules.sizeLabel(1000)).isEqualTo("1000 byte");
        assertThat(UploadRules.sizeLabel(20L * 1024 * 1024)).isEqualTo("20 MB");
    }

    @Test
    void refusesRulesThatCouldNotBeApplied() {
        assertThatThrownBy(() -> new UploadRules(Set.of("application/x-msdownload"), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UploadRules(Set.of(), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UploadRules.of(0, FileType.PDF)).isInstanceOf(IllegalArgumentException.class);
    }
}
