package vn.dvc.catalogue;

/**
 * A document the procedure requires (thành phần hồ sơ).
 *
 * @param originals number of originals (bản chính)
 * @param copies number of copies (bản sao)
 * @param templateId the official form applicants download, if any
 */
public record DossierComponent(String name, int originals, int copies, boolean required, Long templateId) {
}
