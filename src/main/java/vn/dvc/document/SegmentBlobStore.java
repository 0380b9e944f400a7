package vn.dvc.document;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Documents appended to shared segment files on local disk ({@code <dir>/segments/NNNNNNNN.seg}), with group
 * commit: concurrent writers append their records one after the other, and one {@code fdatasync} covers every
 * record appended before it, so N concurrent uploads cost about one flush instead of N file creations, N file
 * flushes and N directory flushes (ADR 0020). {@link #put} returns only after a flush that covers its record, so
 * an acknowledged document survives a crash exactly as with {@link LocalDiskBlobStore}.
 *
 * <p>A record is a 56-byte header (magic, key, length, CRC-32C of the bytes, CRC-32C of the header) and the
 * bytes. {@link #put} answers the record's location, {@code seg/<segment>/<offset>/<length>/<key>}, which the
 * caller records; {@link #get} reads by that position and checks key, length and both checksums. At start the
 * last segment is walked header by header and cut after the last whole record: what follows was never
 * acknowledged (its flush had not returned). {@link #delete} marks the record deleted (readers then get
 * {@link NoSuchFileException}); its space is not reclaimed (no compaction yet). Plain keys (UUIDs) are
 * documents stored before, by {@link LocalDiskBlobStore}: read and deleted there.
 */
final class SegmentBlobStore implements BlobStore {

    static final int HEADER = 56;
    private static final int LIVE = 0x44564342; // "DVCB"
    private static final int DELETED = 0x44564344; // "DVCD"
    private static final Pattern LOCATION = Pattern.compile(
            "seg/(\\d{8})/(\\d{12})/(\\d{1,10})/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path directory;
    private final long maxSegmentBytes;
    private final LocalDiskBlobStore older;
    private final Map<Integer, FileChannel> channels = new ConcurrentHashMap<>();
    private final ReentrantLock appendLock = new ReentrantLock();
    private final ReentrantLock syncLock = new ReentrantLock();
    /** Guarded by appendLock: the segment appended to and its end. */
    private int segment;
    private long end;
    /** Everything up to this position (segment << 40 | offset) is on disk; written under syncLock. */
    private volatile long synced;
    /** How many flushes were made (for tests and logs). */
    private volatile long flushes;

    SegmentBlobStore(Path root, long maxSegmentBytes, LocalDiskBlobStore older) {
        this.directory = root.toAbsolutePath().normalize().resolve("segments");
        this.maxSegmentBytes = maxSegmentBytes;
        this.older = older;
        LocalDiskBlobStore.createPrivateDirectories(directory);
        try (Stream<Path> files = java.nio.file.Files.list(directory)) {
            segment = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("\\d{8}\\.seg"))
                    .mapToInt(n -> Integer.parseInt(n.substring(0, 8))).max().orElse(1);
            end = recover(channel(segment, true));
            synced = position(segment, end);
            LocalDiskBlobStore.syncDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the document segments in " + directory, e);
        }
    }

    @Override
    public String put(String key, InputStream in) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        try {
            byte[] data = in.readAllBytes();
            ByteBuffer record = ByteBuffer.allocate(HEADER + data.length);
            record.putInt(LIVE).put(key.getBytes(StandardCharsets.US_ASCII)).putLong(data.length)
                    .putInt(crc(data, 0, data.length));
            record.putInt(crc(record.array(), 4, HEADER - 8));
            record.put(data).flip();
            int at;
            long offset;
            long mine;
            appendLock.lock();
            try {
                if (end > 0 && end + record.remaining() > maxSegmentBytes) {
                    roll();
                }
                at = segment;
                offset = end;
                FileChannel channel = channel(at, true);
                long position = offset;
                while (record.hasRemaining()) {
                    position += channel.write(record, position);
                }
                end = position;
                mine = position(at, end);
            } finally {
                appendLock.unlock();
            }
            sync(mine);
            return "seg/%08d/%012d/%d/%s".formatted(at, offset, data.length, key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store blob " + key, e);
        }
    }

    /** Returns once everything up to {@code mine} is on disk: by a flush of its own or of another writer. */
    private void sync(long mine) throws IOException {
        syncLock.lock();
        try {
            if (synced >= mine) {
                return;
            }
            FileChannel channel;
            long target;
            appendLock.lock();
            try {
                channel = channel(segment, true);
                target = position(segment, end);
            } finally {
                appendLock.unlock();
            }
            channel.force(false);
            flushes++;
            synced = target;
        } finally {
            syncLock.unlock();
        }
    }

    /** Under appendLock: flushes the full segment and starts the next (its directory entry flushed too). */
    private void roll() throws IOException {
        channel(segment, true).force(false);
        segment++;
        end = 0;
        channel(segment, true);
        LocalDiskBlobStore.syncDirectory(directory);
    }

    @Override
    public InputStream get(String location) {
        Matcher m = LOCATION.matcher(location == null ? "" : location);
        if (!m.matches()) {
            return older.get(location);
        }
        int at = Integer.parseInt(m.group(1));
        long offset = Long.parseLong(m.group(2));
        int length = Integer.parseInt(m.group(3));
        String key = m.group(4);
        try {
            FileChannel channel = existing(at, location);
            ByteBuffer header = read(channel, offset, HEADER, location);
            int magic = header.getInt(0);
            if (magic == DELETED) {
                throw new NoSuchFileException(location);
            }
            byte[] h = header.array();
            byte[] storedKey = new byte[36];
            header.get(4, storedKey);
            if (magic != LIVE || header.getInt(52) != crc(h, 4, HEADER - 8)
                    || !key.equals(new String(storedKey, StandardCharsets.US_ASCII)) || header.getLong(40) != length) {
                throw new CorruptBlobException(location + ": header does not match");
            }
            ByteBuffer data = read(channel, offset + HEADER, length, location);
            if (crc(data.array(), 0, length) != header.getInt(48)) {
                throw new CorruptBlobException(location + ": checksum does not match");
            }
            return new ByteArrayInputStream(data.array());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read blob " + location, e);
        }
    }

    /**
     * The documents stored as files before (records in segments cannot be listed by age, and a record whose
     * transaction never committed stays unreferenced in its segment until compaction exists).
     */
    @Override
    public Stream<String> keysStoredBefore(java.time.Instant before) {
        return older.keysStoredBefore(before);
    }

    @Override
    public void delete(String location) {
        Matcher m = LOCATION.matcher(location == null ? "" : location);
        if (!m.matches()) {
            older.delete(location);
            return;
        }
        try {
            FileChannel channel = existing(Integer.parseInt(m.group(1)), location);
            long offset = Long.parseLong(m.group(2));
            ByteBuffer magic = read(channel, offset, 4, location);
            if (magic.getInt(0) == LIVE) {
                // not flushed: if the mark is lost in a crash, the bytes stay readable but nothing refers to them
                channel.write(ByteBuffer.allocate(4).putInt(0, DELETED), offset);
            }
        } catch (NoSuchFileException | EOFException e) {
            // nothing stored there
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete blob " + location, e);
        }
    }

    long flushes() {
        return flushes;
    }

    Path directory() {
        return directory;
    }

    /**
     * The end of the last whole record of a segment, walking the headers; cuts off anything after it (a record
     * being written when the machine stopped: never acknowledged).
     */
    private static long recover(FileChannel channel) throws IOException {
        long size = channel.size();
        long at = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (at + HEADER <= size) {
            header.clear();
            while (header.hasRemaining() && channel.read(header, at + header.position()) >= 0) {
                // read fully
            }
            int magic = header.getInt(0);
            long length = header.getLong(40);
            if ((magic != LIVE && magic != DELETED) || header.getInt(52) != crc(header.array(), 4, HEADER - 8)
                    || length < 0 || at + HEADER + length > size) {
                break;
            }
            at += HEADER + length;
        }
        if (at < size) {
            channel.truncate(at);
            channel.force(true);
        }
        return at;
    }

    private FileChannel channel(int number, boolean create) throws IOException {
        FileChannel open = channels.get(number);
        if (open != null) {
            return open;
        }
        synchronized (channels) {
            open = channels.get(number);
            if (open == null) {
                Path file = directory.resolve("%08d.seg".formatted(number));
                open = create ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE) : FileChannel.open(file, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                channels.put(number, open);
            }
            return open;
        }
    }

    private FileChannel existing(int number, String location) throws IOException {
        try {
            return channel(number, false);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(location);
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length, String location)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new NoSuchFileException(location);
            }
        }
        return buffer;
    }

    private static long position(int segment, long offset) {
        return ((long) segment << 40) | offset;
    }

    private static int crc(byte[] bytes, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        return (int) crc.getValue();
    }

    /** Stored bytes that are not what was written (a damaged disk, a changed file). */
    static final class CorruptBlobException extends IOException {
        CorruptBlobException(String message) {
            super(message);
        }
    }
}
