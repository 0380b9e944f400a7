package vn.dvc.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Recognises a file's type from its bytes, never from its name. Executables (Windows, Linux, macOS),
 * scripts with a shebang, HTML, SVG and XML, macro-carrying Office files and archives that carry
 * programs are never recognised as anything, so no rule can accept them.
 */
final class ContentInspection {

    private static final byte[] PDF = ascii("%PDF-");
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] GIF87 = ascii("GIF87a");
    private static final byte[] GIF89 = ascii("GIF89a");
    private static final byte[] TIFF_LE = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BE = {'M', 'M', 0, 42};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final List<byte[]> EXECUTABLES = List.of(
            ascii("MZ"), // Windows PE (exe, dll, scr)
            new byte[] {0x7F, 'E', 'L', 'F'},
            new byte[] {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCE},
            new byte[] {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCF},
            new byte[] {(byte) 0xCE, (byte) 0xFA, (byte) 0xED, (byte) 0xFE},
            new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE},
            new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}, // Mach-O universal, Java class
            new byte[] {0, 'a', 's', 'm'},
            ascii("#!"));
    /** Text that a browser or a shell would run or render rather than show. */
    private static final List<String> ACTIVE_TEXT = List.of("<script", "<html", "<svg", "<iframe", "<object",
            "<embed", "<!doctype", "<?xml", "<?php", "<%", "javascript:", "vbscript:", "{\\rtf", "%!ps");
    private static final int ACTIVE_TEXT_LONGEST = 11;
    /** Archive entries that no document needs: programs, scripts and macros. */
    private static final List<String> FORBIDDEN_ENTRY_SUFFIXES = List.of(".exe", ".dll", ".com", ".scr", ".msi",
            ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".hta", ".jar", ".class", ".dex", ".sh",
            ".lnk", ".apk", "vbaproject.bin");
    private static final int HEAD = 512;
    private static final int MAX_ZIP_DIRECTORY = 4 * 1024 * 1024;

    private ContentInspection() {
    }

    static Optional<FileType> detect(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return detect(new FileContent(file, channel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<FileType> detect(byte[] content) {
        return detect(content, content.length);
    }

    /** The type of the first {@code length} bytes of {@code content}. */
    static Optional<FileType> detect(byte[] content, int length) {
        try {
            return detect(new ByteContent(content, length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<FileType> detect(Content content) throws IOException {
        byte[] head = content.read(0, HEAD);
        if (head.length == 0 || EXECUTABLES.stream().anyMatch(magic -> startsWith(head, magic))) {
            return Optional.empty();
        }
        if (startsWith(head, PDF)) {
            return Optional.of(FileType.PDF);
        }
        if (startsWith(head, JPEG)) {
            return Optional.of(FileType.JPEG);
        }
        if (startsWith(head, PNG)) {
            return Optional.of(FileType.PNG);
        }
        if (startsWith(head, GIF87) || startsWith(head, GIF89)) {
            return Optional.of(FileType.GIF);
        }
        if (startsWith(head, TIFF_LE) || startsWith(head, TIFF_BE)) {
            return Optional.of(FileType.TIFF);
        }
        if (startsWith(head, ZIP)) {
            return zipType(content, head);
        }
        if (startsWith(head, OLE2)) {
            return oleType(content);
        }
        return plainText(content) ? Optional.of(FileType.TEXT) : Optional.empty();
    }

    /** OOXML has [Content_Types].xml and a word/, xl/ or ppt/ part; OpenDocument starts with its mimetype. */
    private static Optional<FileType> zipType(Content content, byte[] head) throws IOException {
        List<String> names = zipEntryNames(content);
        if (names.isEmpty() || names.stream().map(n -> n.toLowerCase(Locale.ROOT)).anyMatch(n ->
                FORBIDDEN_ENTRY_SUFFIXES.stream().anyMatch(n::endsWith) || n.startsWith("basic/")
                        || n.startsWith("scripts/"))) {
            return Optional.empty();
        }
        if (names.contains("[Content_Types].xml")) {
            if (names.stream().anyMatch(n -> n.startsWith("word/"))) {
                return Optional.of(FileType.DOCX);
            }
            if (names.stream().anyMatch(n -> n.startsWith("xl/"))) {
                return Optional.of(FileType.XLSX);
            }
            if (names.stream().anyMatch(n -> n.startsWith("ppt/"))) {
                return Optional.of(FileType.PPTX);
            }
            return Optional.empty();
        }
        String mimetype = openDocumentMimetype(head);
        if ("application/vnd.oasis.opendocument.text".equals(mimetype)) {
            return Optional.of(FileType.ODT);
        }
        if ("application/vnd.oasis.opendocument.spreadsheet".equals(mimetype)) {
            return Optional.of(FileType.ODS);
        }
        return Optional.empty();
    }

    /**
     * The entry names from the ZIP central directory, read without inflating anything (a ZIP bomb costs
     * nothing here); empty when the archive is malformed or uses ZIP64, which no upload of ours needs.
     */
    static List<String> zipEntryNames(Content content) throws IOException {
        long size = content.size();
        int tailLength = (int) Math.min(size, 22 + 65_535);
        byte[] tail = content.read(size - tailLength, tailLength);
        ByteBuffer end = ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int i = tail.length - 22; i >= 0; i--) {
            if (end.getInt(i) == 0x06054b50) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            return List.of();
        }
        int entries = Short.toUnsignedInt(end.getShort(eocd + 10));
        long directorySize = Integer.toUnsignedLong(end.getInt(eocd + 12));
        long directoryOffset = Integer.toUnsignedLong(end.getInt(eocd + 16));
        long eocdPosition = size - tailLength + eocd;
        if (entries == 0xFFFF || directoryOffset == 0xFFFFFFFFL || directorySize > MAX_ZIP_DIRECTORY
                || directoryOffset + directorySize > eocdPosition) {
            return List.of();
        }
        ByteBuffer directory = ByteBuffer.wrap(content.read(directoryOffset, (int) directorySize))
                .order(ByteOrder.LITTLE_ENDIAN);
        List<String> names = new ArrayList<>(entries);
        int position = 0;
        for (int i = 0; i < entries; i++) {
            if (position + 46 > directory.limit() || directory.getInt(position) != 0x02014b50) {
                return List.of();
            }
            int nameLength = Short.toUnsignedInt(directory.getShort(position + 28));
            int extraLength = Short.toUnsignedInt(directory.getShort(position + 30));
            int commentLength = Short.toUnsignedInt(directory.getShort(position + 32));
            if (position + 46 + nameLength > directory.limit()) {
                return List.of();
            }
            names.add(new String(directory.array(), position + 46, nameLength, StandardCharsets.UTF_8));
            position += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }

    /** OpenDocument stores an uncompressed "mimetype" entry first (ODF 1.2, part 3, 3.3). */
    private static String openDocumentMimetype(byte[] head) {
        if (head.length < 30) {
            return null;
        }
        ByteBuffer local = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int method = Short.toUnsignedInt(local.getShort(8));
        int storedSize = local.getInt(18);
        int nameLength = Short.toUnsignedInt(local.getShort(26));
        int extraLength = Short.toUnsignedInt(local.getShort(28));
        int start = 30 + nameLength + extraLength;
        if (method != 0 || nameLength != 8 || storedSize <= 0 || storedSize > 100 || start + storedSize > head.length
                || !"mimetype".equals(new String(head, 30, 8, StandardCharsets.US_ASCII))) {
            return null;
        }
        return new String(head, start, storedSize, StandardCharsets.US_ASCII);
    }

    /** Legacy Office files: the OLE2 compound file's root names the application's main stream. */
    private static Optional<FileType> oleType(Content content) {
        try (POIFSFileSystem fs = content.openOle2()) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("Macros") || root.hasEntry("_VBA_PROJECT_CUR") || root.hasEntry("EncryptedPackage")) {
                return Optional.empty();
            }
            if (root.hasEntry("WordDocument")) {
                return Optional.of(FileType.DOC);
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return Optional.of(FileType.XLS);
            }
            if (root.hasEntry("PowerPoint Document")) {
                return Optional.of(FileType.PPT);
            }
            return Optional.empty(); // Windows Installer packages and other compound files
        } catch (IOException | RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /**
     * UTF-8 text without control characters (other than tab, line and page breaks) and without markup or
     * scripts: such a file is harmless wherever it is opened.
     */
    private static boolean plainText(Content content) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(content.stream(), decoder)) {
            char[] buffer = new char[8192];
            String carry = "";
            boolean start = true;
            int read;
            while ((read = reader.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    char c = buffer[i];
                    if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                        return false;
                    }
                }
                String text = carry + new String(buffer, 0, read);
                if (start) {
                    String first = text.replace("\uFEFF", "").stripLeading();
                    if (first.isEmpty()) {
                        carry = "";
                        continue;
                    }
                    if (first.charAt(0) == '<') {
                        return false;
                    }
                    start = false;
                }
                String lower = text.toLowerCase(Locale.ROOT);
                if (ACTIVE_TEXT.stream().anyMatch(lower::contains)) {
                    return false;
                }
                carry = text.substring(Math.max(0, text.length() - ACTIVE_TEXT_LONGEST));
            }
            return true;
        } catch (MalformedInputException | java.nio.charset.UnmappableCharacterException notUtf8) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Random access to the bytes being inspected: a staged file or an array. */
    interface Content {

        long size() throws IOException;

        /** Up to {@code length} bytes from {@code position} (fewer at the end). */
        byte[] read(long position, int length) throws IOException;

        InputStream stream() throws IOException;

        POIFSFileSystem openOle2() throws IOException;
    }

    private record FileContent(Path file, FileChannel channel) implements Content {

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public byte[] read(long position, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, Math.min(length, channel.size() - position)));
            while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
                // keep reading until full or at the end
            }
            return buffer.position() == buffer.capacity() ? buffer.array()
                    : java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }

        @Override
        public InputStream stream() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public POIFSFileSystem openOle2() throws IOException {
            return new POIFSFileSystem(file.toFile(), true);
        }
    }

    private record ByteContent(byte[] bytes, int length) implements Content {

        @Override
        public long size() {
            return length;
        }

        @Override
        public byte[] read(long position, int count) {
            int from = (int) Math.min(position, length);
            return java.util.Arrays.copyOfRange(bytes, from, Math.min(length, from + count));
        }

        @Override
        public InputStream stream() {
            return new ByteArrayInputStream(bytes, 0, length);
        }

        @Override
        public POIFSFileSystem openOle2() throws IOException {
            return new POIFSFileSystem(stream());
        }
    }
}
