package vn.dvc.catalogue;

import java.util.List;

/**
 * A document the procedure requires (thành phần hồ sơ).
 *
 * @param originals number of originals (bản chính)
 * @param copies number of copies (bản sao)
 * @param templateId the official form applicants download, if any
 * @param fileTypes the file types accepted online for it (names of {@code vn.dvc.document.FileType},
 *     e.g. PDF, JPEG); empty: the platform's defaults
 * @param maxMegabytes the largest file accepted online for it; null: the platform's default
 */
public record DossierComponent(String name, int originals, int copies, boolean required, Long templateId,
        List<String> fileTypes, Integer maxMegabytes) {

    /** The largest size a component may allow (the upload limit of the web server). */
    public static final int LARGEST_MEGABYTES = 20;

    public DossierComponent {
        fileTypes = fileTypes == null ? List.of() : List.copyOf(fileTypes);
    }

    public DossierComponent(String name, int originals, int copies, boolean required, Long templateId) {
        this(name, originals, copies, required, templateId, List.of(), null);
    }

    public DossierComponent withTemplate(Long newTemplateId) {
        return new DossierComponent(name, originals, copies, required, newTemplateId, fileTypes, maxMegabytes);
    }

    public DossierComponent withName(String newName) {
        return new DossierComponent(newName, originals, copies, required, templateId, fileTypes, maxMegabytes);
    }
}
