package vn.dvc.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list, with the total so that pages can be numbered. When {@code totalExact} is
 * false the total is a lower bound ("more than …"): counting stopped there.
 */
public record PageResult<T>(List<T> items, long total, int page, int size, boolean totalExact) {

    public PageResult(List<T> items, long total, int page, int size) {
        this(items, total, page, size, true);
    }

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages() || (!totalExact && items.size() == size);
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), total, page, size, totalExact);
    }

    /** Page numbers are 0-based; sizes are clamped to 1..MAX_SIZE. */
    public static int clampSize(Integer size) {
        if (size == null || size < 1) {
            return DEFAULT_SIZE;
        }
        return Math.min(size, MAX_SIZE);
    }

    public static int clampPage(Integer page) {
        return page == null || page < 0 ? 0 : Math.min(page, 100_000);
    }
}
