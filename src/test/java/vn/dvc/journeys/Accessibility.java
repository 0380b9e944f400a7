package vn.dvc.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Checks the page the browser shows with an independent accessibility engine, axe-core (npm package, pinned in
 * {@code src/test/a11y/package.json}, installed by the build: see the pom's {@code accessibility-engine}
 * profile), plus the portal's own rules that the engine does not cover: the page's language, errors tied to
 * their fields and announced, and a visible focus on everything the keyboard reaches.
 * <p>
 * A page fails on any violation the engine rates serious or critical (WCAG 2.0, 2.1 and 2.2 A and AA, and
 * best practices), on the moderate rules listed in {@link #ALSO_ENFORCED}, and on any of the own rules.
 */
final class Accessibility {

    static final Path ENGINE_DIR = Path.of("src/test/a11y");
    static final Path ENGINE = ENGINE_DIR.resolve("node_modules/axe-core/axe.min.js");

    /** Rules rated moderate by the engine that the portal holds to all the same (one h1, no skipped level). */
    static final Set<String> ALSO_ENFORCED = Set.of("page-has-heading-one", "heading-order", "landmark-one-main",
            "landmark-no-duplicate-main", "empty-heading", "label-title-only", "landmark-unique");

    private static String engine;

    private Accessibility() {
    }

    /** Fails when the page shown has an accessibility violation (see the class); {@code page} names it. */
    static void check(ChromeDriver browser, String page) {
        check(browser, page, "vi");
    }

    static void check(ChromeDriver browser, String page, String language) {
        List<String> problems = new ArrayList<>();
        problems.addAll(engineViolations(browser));
        problems.addAll(ownRules(browser, language));
        problems.addAll(focusNotVisible(browser));
        assertThat(problems).as("accessibility of %s (%s)", page, browser.getCurrentUrl()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> engineViolations(ChromeDriver browser) {
        if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object';"))) {
            browser.executeScript(engine());
        }
        Object answer = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                // With the page's JavaScript switched off its timers never fire, and the engine waits on
                // setTimeout(..., 0) between rules: for this run, those run as microtasks, longer ones (time-outs
                // for frames and preloading, which is left out) not at all. The parser tells: a noscript's
                // content is markup only while scripting is off.
                const probe = document.createElement('noscript');
                probe.innerHTML = '<p></p>';
                const scripting = probe.firstChild.nodeType === Node.TEXT_NODE;
                const timer = window.setTimeout;
                const finish = answer => { window.setTimeout = timer; done(answer); };
                if (!scripting) {
                  window.setTimeout = (f, ms, ...args) => {
                    if (!ms) { Promise.resolve().then(() => f(...args)); }
                    return 0;
                  };
                }
                axe.run(document, {
                  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
                  resultTypes: ['violations', 'incomplete'], preload: scripting
                }).then(r => finish({version: axe.version, violations: r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary.replace(/\\s+/g, ' '))
                  })), unconfirmedContrast: r.incomplete.filter(v => v.id === 'color-contrast')
                    .flatMap(v => v.nodes.map(n => n.target.join(' ') + ': '
                        + n.any.map(check => check.message).join('; ')))}))
                  .catch(e => finish({error: String(e)}));
                """);
        Map<String, Object> result = (Map<String, Object>) answer;
        assertThat(result.get("error")).as("axe-core run").isNull();
        assertThat(result.get("version")).as("axe-core version injected (npm ci in %s installs the pinned one)",
                ENGINE_DIR).isEqualTo(pinnedVersion());
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> violation : (List<Map<String, Object>>) result.get("violations")) {
            String impact = String.valueOf(violation.get("impact"));
            if (impact.equals("serious") || impact.equals("critical") || ALSO_ENFORCED.contains(violation.get("id"))) {
                problems.add(violation.get("id") + " (" + impact + "): " + violation.get("help") + " "
                        + violation.get("nodes"));
            }
        }
        for (String node : (List<String>) result.get("unconfirmedContrast")) {
            problems.add("color-contrast the engine could not confirm: " + node);
        }
        return problems;
    }

    /**
     * The portal's rules: the document is in the interface's language; an invalid field names its error,
     * which exists and says something, and the page has an alert or live region that announces errors; every
     * error text is named by a field's aria-describedby; a field whose label says "required" is required or
     * aria-required; ids are unique; there is exactly one h1.
     */
    @SuppressWarnings("unchecked")
    private static List<String> ownRules(ChromeDriver browser, String language) {
        return (List<String>) browser.executeScript("""
                const language = arguments[0];
                const problems = [];
                if (document.documentElement.lang !== language) {
                  problems.push('html lang is "' + document.documentElement.lang + '", expected "' + language + '"');
                }
                const invalid = [...document.querySelectorAll('[aria-invalid=true]')];
                for (const field of invalid) {
                  const ids = (field.getAttribute('aria-describedby') || '').split(/\\s+/).filter(id => id);
                  const texts = ids.map(id => document.getElementById(id)).filter(e => e && e.textContent.trim());
                  if (texts.length === 0) {
                    problems.push('invalid field #' + field.id + ' names no error text through aria-describedby');
                  }
                }
                if (invalid.length > 0 && !document.querySelector('[role=alert], [aria-live=assertive], [aria-live=polite]')) {
                  problems.push('the page shows invalid fields but announces no error (role=alert or aria-live)');
                }
                const described = new Set([...document.querySelectorAll('[aria-describedby]')]
                    .flatMap(e => e.getAttribute('aria-describedby').split(/\s+/)));
                for (const error of document.querySelectorAll('main [id$="-error"], main .eform-error')) {
                  if (!error.id || !described.has(error.id)) {
                    problems.push('error text "' + error.textContent.trim().slice(0, 60) + '" is tied to no field (aria-describedby)');
                  }
                }
                for (const mark of document.querySelectorAll('label[for] .eform-required')) {
                  const field = document.getElementById(mark.closest('label').htmlFor);
                  if (field && !field.required && field.getAttribute('aria-required') !== 'true') {
                    problems.push('#' + field.id + ' is marked required but is neither required nor aria-required');
                  }
                }
                const seen = new Set();
                for (const element of document.querySelectorAll('[id]')) {
                  if (seen.has(element.id)) { problems.push('id "' + element.id + '" is not unique'); }
                  seen.add(element.id);
                }
                const h1 = document.querySelectorAll('h1').length;
                if (h1 !== 1) { problems.push(h1 + ' h1 headings, expected one'); }
                return problems;
                """, language);
    }

    /**
     * Tabs through the page from its start (up to 300 stops) and fails on each element that takes the
     * keyboard focus without showing it: a ring (an outline of at least 2px or a box shadow) of which at
     * least one colour has a contrast of 3:1 against the background around the element (WCAG 1.4.11, 2.4.7).
     */
    private static List<String> focusNotVisible(ChromeDriver browser) {
        browser.executeScript("""
                if (document.activeElement) { document.activeElement.blur(); }
                window.getSelection().removeAllRanges();
                window.scrollTo(0, 0);
                """);
        List<String> problems = new ArrayList<>();
        WebElement first = null;
        for (int stop = 0; stop < 300; stop++) {
            // pressed on the keyboard, not typed into the element (a file input would take it for a path)
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            if (focused.equals(first) || "body".equals(focused.getTagName())) {
                break;
            }
            if (first == null) {
                first = focused;
            }
            String problem = (String) browser.executeScript("""
                    const e = arguments[0];
                    const style = getComputedStyle(e);
                    const rgb = text => (text.match(/rgba?\\([^)]*\\)/g) || []).map(c => c.match(/[\\d.]+/g).map(Number));
                    const luminance = ([r, g, b]) => [r, g, b].map(v => v / 255)
                        .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
                        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
                    const contrast = (a, b) => (Math.max(luminance(a), luminance(b)) + 0.05)
                        / (Math.min(luminance(a), luminance(b)) + 0.05);
                    let around = [255, 255, 255];
                    for (let p = e.parentElement; p; p = p.parentElement) {
                      const c = rgb(getComputedStyle(p).backgroundColor)[0];
                      if (c && (c.length < 4 || c[3] > 0)) { around = c; break; }
                    }
                    const rings = [];
                    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) {
                      rings.push(...rgb(style.outlineColor));
                    }
                    if (style.boxShadow !== 'none') { rings.push(...rgb(style.boxShadow)); }
                    if (rings.some(c => (c.length < 4 || c[3] > 0) && contrast(c, around) >= 3)) { return null; }
                    return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + ' "' + (e.textContent || e.getAttribute('aria-label') || e.name || '').trim().slice(0, 40) + '"'
                        + (rings.length ? ' (ring without 3:1 contrast against rgb(' + around + '))' : ' (no ring)');
                    """, focused);
            if (problem != null) {
                problems.add("focus not visible on " + problem);
            }
        }
        browser.executeScript("if (document.activeElement) { document.activeElement.blur(); } window.scrollTo(0, 0);");
        return problems;
    }

    private static synchronized String engine() {
        if (engine == null) {
            assertThat(ENGINE).as("axe-core, installed by the build (npm ci in %s)", ENGINE_DIR).exists();
            try {
                engine = Files.readString(ENGINE, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return engine;
    }

    private static String pinnedVersion() {
        try {
            Matcher version = Pattern.compile("\"axe-core\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(Files.readString(ENGINE_DIR.resolve("package.json"), StandardCharsets.UTF_8));
            assertThat(version.find()).as("axe-core pinned in package.json").isTrue();
            return version.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
