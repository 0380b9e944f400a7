package vn.dvc.catalogue;

/** A fee or charge (lệ phí, phí) in Vietnamese đồng, with what it is for. */
public record Fee(long amountVnd, String description) {
}
