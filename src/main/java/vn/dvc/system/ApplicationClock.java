package vn.dvc.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import vn.dvc.shared.VietnamTime;

/**
 * The clock every module is given (time is injected): the system clock in Vietnam's zone. The one exception is
 * the demo history ({@link DemoHistory}, ADR 0026): while it loads, and only on the thread that loads it, the
 * clock reads the past moment the history has reached, so that the real services stamp its dossiers with the
 * days they are meant to have happened on. Setting that moment is package-private to this module, only moves
 * into the past, and ends with {@link #backToNow()}; every other thread, request and scheduled job always sees
 * the real time.
 */
final class ApplicationClock extends Clock {

    private final Clock system;
    private final ThreadLocal<Instant> replayed;

    ApplicationClock(Clock system) {
        this(system, new ThreadLocal<>());
    }

    private ApplicationClock(Clock system, ThreadLocal<Instant> replayed) {
        this.system = system;
        this.replayed = replayed;
    }

    static ApplicationClock inVietnam() {
        return new ApplicationClock(Clock.system(VietnamTime.ZONE));
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(system.getZone()) ? this : new ApplicationClock(system.withZone(zone), replayed);
    }

    @Override
    public Instant instant() {
        Instant at = replayed.get();
        return at != null ? at : system.instant();
    }

    /** The real time, whatever this thread replays. */
    Instant now() {
        return system.instant();
    }

    /**
     * This thread's clock reads {@code moment} until the next call or {@link #backToNow()}. Only the past: a
     * demo history never invents what has not happened yet.
     */
    void replay(Instant moment) {
        if (moment.isAfter(system.instant())) {
            throw new IllegalArgumentException("the demo history replays the past only, not " + moment);
        }
        replayed.set(moment);
    }

    /** This thread reads the real time again. */
    void backToNow() {
        replayed.remove();
    }
}
