package vn.dvc.payment;

/** Amounts of đồng in Vietnamese words, as receipts write them ("Năm mươi nghìn đồng"). */
final class VietnameseAmounts {

    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};

    private VietnameseAmounts() {
    }

    /** The amount in words, capitalised, ending with "đồng". */
    static String inWords(long amountVnd) {
        if (amountVnd < 0) {
            throw new IllegalArgumentException("negative amount");
        }
        String words = amountVnd == 0 ? "không" : number(amountVnd, true);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " đồng";
    }

    /** {@code leading}: no group stands before this number (so no "không trăm" at its head). */
    private static String number(long n, boolean leading) {
        if (n >= 1_000_000_000L) {
            long rest = n % 1_000_000_000L;
            String head = number(n / 1_000_000_000L, leading) + " tỷ";
            return rest == 0 ? head : head + " " + number(rest, false);
        }
        long[] groups = {n / 1_000_000, n / 1_000 % 1_000, n % 1_000};
        String[] units = {" triệu", " nghìn", ""};
        StringBuilder words = new StringBuilder();
        boolean before = !leading;
        for (int i = 0; i < 3; i++) {
            if (groups[i] == 0) {
                continue;
            }
            if (!words.isEmpty()) {
                words.append(' ');
            }
            words.append(group((int) groups[i], before)).append(units[i]);
            before = true;
        }
        return words.toString();
    }

    /** A group of three digits; {@code full}: a group stands before it, so its hundreds are always said. */
    private static String group(int n, boolean full) {
        int hundreds = n / 100;
        int tens = n / 10 % 10;
        int units = n % 10;
        StringBuilder words = new StringBuilder();
        if (hundreds > 0 || full) {
            words.append(DIGITS[hundreds]).append(" trăm");
        }
        if (tens == 0) {
            if (units > 0) {
                words.append(words.isEmpty() ? "" : " lẻ ").append(DIGITS[units]);
            }
            return words.toString().strip();
        }
        if (!words.isEmpty()) {
            words.append(' ');
        }
        words.append(tens == 1 ? "mười" : DIGITS[tens] + " mươi");
        if (units == 1 && tens >= 2) {
            words.append(" mốt");
        } else if (units == 5) {
            words.append(" lăm");
        } else if (units > 0) {
            words.append(' ').append(DIGITS[units]);
        }
        return words.toString();
    }
}
