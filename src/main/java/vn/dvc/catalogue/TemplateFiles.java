package vn.dvc.catalogue;

import java.util.Optional;
import java.util.Set;

import vn.dvc.document.FileNames;
import vn.dvc.document.FileType;

/**
 * Which files may serve as form templates: PDF, Word and Excel documents (OOXML, legacy OLE2) and
 * OpenDocument text, recognised from their content by the document module, with a name whose extension
 * agrees; at most 10 MB.
 */
final class TemplateFiles {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final Set<FileType> ACCEPTED = Set.of(FileType.PDF, FileType.DOCX, FileType.XLSX, FileType.ODT,
            FileType.DOC, FileType.XLS);

    private TemplateFiles() {
    }

    /** The content type to serve, when the content and the name agree on an accepted type. */
    static Optional<String> contentType(String fileName, byte[] content) {
        String extension = FileNames.extension(fileName);
        return FileType.detect(content)
                .filter(ACCEPTED::contains)
                .filter(type -> type.extensions().contains(extension))
                .map(FileType::mediaType);
    }

    /** A file name safe to store and to send back: no path, no control or reserved characters. */
    static String safeName(String fileName) {
        return FileNames.sanitise(fileName);
    }
}
