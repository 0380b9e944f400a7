package vn.dvc.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

import vn.dvc.shared.PageResult;
import vn.dvc.shared.VietnameseText;

/**
 * Filtering agency lists for the pages. A province has a few hundred agencies, so the lists are
 * filtered in memory, where {@link VietnameseText#fold} makes "kong bo la" find "Kông Bơ La".
 */
final class AgencySearch {

    /** The agencies of one level on a page, in the order of the list. */
    record LevelGroup(AgencyLevel level, List<Agency> agencies) {
    }

    private AgencySearch() {
    }

    static PageResult<Agency> page(List<Agency> agencies, String query, AgencyLevel level, Integer page) {
        List<String> terms = VietnameseText.searchTerms(query);
        List<Agency> matching = agencies.stream()
                .filter(a -> level == null || a.level() == level)
                .filter(a -> {
                    String text = VietnameseText.fold(String.join(" ", a.name(), Objects.toString(a.shortName(), ""), a.code()));
                    return terms.stream().allMatch(text::contains);
                })
                .toList();
        int size = PageResult.DEFAULT_SIZE;
        int number = Math.min(PageResult.clampPage(page), Math.max(0, (matching.size() - 1) / size));
        List<Agency> items = matching.subList(Math.min(number * size, matching.size()),
                Math.min((number + 1) * size, matching.size()));
        return new PageResult<>(items, matching.size(), number, size);
    }

    static List<LevelGroup> groups(List<Agency> agencies) {
        Map<AgencyLevel, List<Agency>> byLevel = new LinkedHashMap<>();
        agencies.forEach(a -> byLevel.computeIfAbsent(a.level(), l -> new ArrayList<>()).add(a));
        return byLevel.entrySet().stream().map(e -> new LevelGroup(e.getKey(), e.getValue())).toList();
    }

    /** A level from a page's filter; anything unknown shows all levels rather than an error page. */
    static AgencyLevel level(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AgencyLevel.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The list's address with its filters, ready for the pager to append {@code page=n}. */
    static String pagerBase(String path, String query, AgencyLevel level) {
        String url = UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("q", Optional.ofNullable(query).filter(q -> !q.isBlank()))
                .queryParamIfPresent("level", Optional.ofNullable(level))
                .encode().build().toUriString();
        return url + (url.contains("?") ? "&" : "?");
    }
}
