package vn.dvc.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VietnameseAmountsTest {

    @Test
    void amountsReadAsOnReceipts() {
        assertThat(VietnameseAmounts.inWords(0)).isEqualTo("Không đồng");
        assertThat(VietnameseAmounts.inWords(5)).isEqualTo("Năm đồng");
        assertThat(VietnameseAmounts.inWords(15_000)).isEqualTo("Mười lăm nghìn đồng");
        assertThat(VietnameseAmounts.inWords(21_000)).isEqualTo("Hai mươi mốt nghìn đồng");
        assertThat(VietnameseAmounts.inWords(50_000)).isEqualTo("Năm mươi nghìn đồng");
        assertThat(VietnameseAmounts.inWords(105_000)).isEqualTo("Một trăm lẻ năm nghìn đồng");
        assertThat(VietnameseAmounts.inWords(120_000)).isEqualTo("Một trăm hai mươi nghìn đồng");
        assertThat(VietnameseAmounts.inWords(2_005)).isEqualTo("Hai nghìn không trăm lẻ năm đồng");
        assertThat(VietnameseAmounts.inWords(1_000_050)).isEqualTo("Một triệu không trăm năm mươi đồng");
        assertThat(VietnameseAmounts.inWords(1_250_000)).isEqualTo("Một triệu hai trăm năm mươi nghìn đồng");
        assertThat(VietnameseAmounts.inWords(1_500_000_000L)).isEqualTo("Một tỷ năm trăm triệu đồng");
        assertThat(VietnameseAmounts.inWords(310_000)).isEqualTo("Ba trăm mười nghìn đồng");
    }
}
