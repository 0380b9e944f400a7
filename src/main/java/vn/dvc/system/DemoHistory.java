package vn.dvc.system;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import vn.dvc.calendar.WorkingCalendar;
import vn.dvc.calendar.WorkingHours;
import vn.dvc.catalogue.Channel;
import vn.dvc.catalogue.ComponentCase;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.Procedures;
import vn.dvc.deadline.Apologies;
import vn.dvc.deadline.ResultReturn;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.dossier.DossierSubmission.Submission;
import vn.dvc.dossier.DossierSubmission.Upload;
import vn.dvc.dossier.DossierSupplements;
import vn.dvc.dossier.DossierTransitions;
import vn.dvc.dossier.Dossiers;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CounterApplicants.CounterApplicant;
import vn.dvc.payment.PaymentStart;
import vn.dvc.payment.SandboxPayments;
import vn.dvc.processing.Processing;
import vn.dvc.reception.CounterRegistration;
import vn.dvc.reception.CounterRegistration.Registration;
import vn.dvc.reception.Reception;
import vn.dvc.satisfaction.Indicator;
import vn.dvc.satisfaction.SatisfactionRatings;
import vn.dvc.satisfaction.SatisfactionRatings.RatingInput;
import vn.dvc.shared.DemoDataSet;
import vn.dvc.shared.FormPdf;
import vn.dvc.shared.VietnamTime;

/**
 * The demo history (ADR 0026): about a hundred invented dossiers at the two demo agencies over the last twenty
 * weeks, driven through the real services in the order they would have happened (submitted online or at the
 * counter, paid, received, refused, asked for a supplement and answered, withdrawn, taken, forwarded, approved
 * with a signed result, apologised for, returned, rated), with this thread's clock replaying each moment. So
 * the statistics, ranking, satisfaction figures, timelines, audit chain, event feed and results of the demo
 * agree with one another as they would in use. Only what has already happened by now is played: recent
 * dossiers stay in progress or newly submitted.
 *
 * <p>Deterministic: one seeded random drives every choice, so two fresh starts on the same day tell the same
 * story (up to the steps of that very day, which depend on the hour). Labelled as demo: every request summary says "(hồ sơ demo)", the invented citizens carry "Demo" as
 * their middle name and "(số nhà demo)" in their address, and have no e-mail address; the two online
 * applicants are the demo accounts {@code congdan} and {@code doanhnghiep}, whose addresses end in
 * {@code .invalid}.
 *
 * <p>Loaded on the embedded default only ({@code app.demo-data.history=auto}); {@code true} loads it wherever
 * demo data load, {@code false} never. The test database does not get it (tests count dossiers).
 */
@Component
class DemoHistory implements DemoDataSet {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    static final String NAME = "demo-history";
    static final long SEED = 2575L;
    /** How many dossiers of each fate, per channel: 100 in all (refusals, withdrawals and supplements online). */
    static final Map<Fate, Integer> ONLINE_FATES = fates(Fate.NEW, 4, Fate.REFUSED, 6, Fate.WITHDRAWN, 4,
            Fate.SUPPLEMENT_WAITING, 3, Fate.SUPPLEMENTED, 4, Fate.STALLED, 3, Fate.RESOLVED, 18);
    static final Map<Fate, Integer> COUNTER_FATES = fates(Fate.STALLED, 6, Fate.STOPPED, 2, Fate.RESOLVED, 36);
    static final Map<Fate, Integer> POSTAL_FATES = fates(Fate.STALLED, 1, Fate.RESOLVED, 13);
    static final int DOSSIERS = 100;
    static final int WEEKS = 20;
    /** Invented citizens at the counter; each gets an account (with an Argon2 hash), so not one per dossier. */
    static final int PEOPLE = 24;
    static final String DEMO_LABEL = "(hồ sơ demo)";
    static final String CITIZEN = "congdan";
    static final String ORGANISATION = "doanhnghiep";

    /** What becomes of a dossier, if time allows (a plan that reaches past now stops where now is). */
    enum Fate {
        /** Submitted online in the last days, not yet looked at. */
        NEW,
        /** Refused at the desk (form 03). */
        REFUSED,
        /** Withdrawn by the applicant before reception. */
        WITHDRAWN,
        /** Asked for a supplement at the desk (form 02), not answered yet. */
        SUPPLEMENT_WAITING,
        /** Asked for a supplement at the desk, answered, then processed. */
        SUPPLEMENTED,
        /** Received and processed to the end: result returned and often rated. */
        RESOLVED,
        /** Received, then left at a step of processing (some of these are overdue). */
        STALLED,
        /** Received, taken by the specialist, then stopped by the leader (status 8) with a reason. */
        STOPPED
    }

    /** When a resolved dossier is finished: before its due day, on it, or after it. */
    enum Pace {
        EARLY, ON_TIME, LATE
    }

    /** A reception desk and its demo officers. */
    record Desk(String agency, String reception, String specialist, String leader) {
    }

    /** A demo procedure offered at a desk, and whether organisations (rather than citizens) ask for it. */
    record Offer(Desk desk, String procedureCode, boolean forOrganisation) {
    }

    /** An invented citizen who comes to the counter or sends a dossier by post. */
    record Person(String fullName, String citizenId, LocalDate birth, String sex, String phone, String address) {
    }

    static final Desk JUSTICE = new Desk("000.00.03.H21", "tiepnhan.stp", "chuyenvien.stp", "lanhdao.stp");
    static final Desk PLEIKU = new Desk("000.00.30.H21", "tiepnhan.pleiku", "chuyenvien.pleiku", "lanhdao.pleiku");

    /**
     * Real procedures of the demo catalogue that these desks receive, with a processing time for every channel;
     * three of the Department of Justice's have a fee, paid online through the test gateway.
     */
    static final List<Offer> OFFERS = List.of(
            new Offer(JUSTICE, "2.000908", false), // cấp bản sao từ sổ gốc, 1 day
            new Offer(JUSTICE, "2.001895", false), // xác nhận là người gốc Việt Nam, 1 day
            new Offer(JUSTICE, "2.000587", false), // thẻ cộng tác viên trợ giúp pháp lý, 7 days
            new Offer(JUSTICE, "1.000426", false), // thẻ tư vấn viên pháp luật, 5 days
            new Offer(JUSTICE, "1.002626", false), // hành nghề quản lý, thanh lý tài sản, 5 days, 500,000 VND
            new Offer(JUSTICE, "1.002055", true), // người đại diện của văn phòng luật sư, 5 days, 50,000 VND
            new Offer(JUSTICE, "2.001333", true), // đăng ký hoạt động doanh nghiệp đấu giá, 5 days, 500,000 VND
            new Offer(PLEIKU, "2.000720", false), // thay đổi đăng ký hộ kinh doanh, 1 day
            new Offer(PLEIKU, "1.001266", false), // chấm dứt hoạt động hộ kinh doanh, 1 day
            new Offer(PLEIKU, "1.000094", false), // kết hôn có yếu tố nước ngoài khu vực biên giới, 3 days
            new Offer(PLEIKU, "1.004979", true), // thay đổi đăng ký hợp tác xã, 3 days
            new Offer(PLEIKU, "2.002639", true)); // thay đổi đăng ký tổ hợp tác, 3 days

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ",
        "Hồ", "Ngô", "Dương", "Lý", "Rơ Châm", "Siu", "Ksor", "Nay", "Rcom"};
    private static final String[] MEN = {"An", "Bảo", "Cường", "Dũng", "Hải", "Khoa", "Long", "Minh", "Nam", "Phúc",
        "Quân", "Sơn", "Tài", "Thắng", "Vinh"};
    private static final String[] WOMEN = {"Anh", "Bích", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Lan", "Linh", "Mai",
        "Ngọc", "Phương", "Thảo", "Trang", "Yến"};
    private static final String[] WARDS = {"Pleiku", "Hội Phú", "Thống Nhất", "Diên Hồng", "An Phú"};
    private static final String[] REFUSALS = {"NOT_COMPETENT", "NOT_ELIGIBLE", "INVALID_CONTENT", "DUPLICATE"};
    private static final String[] COMMENTS = {"Cán bộ hướng dẫn tận tình.", "Nhận kết quả sớm hơn hẹn.",
        "Thủ tục trực tuyến thuận tiện.", "Phải chờ lâu hơn ngày hẹn.", null, null, null};

    private final ApplicationClock clock;
    private final UserDetailsService users;
    private final Procedures procedures;
    private final WorkingCalendar calendar;
    private final DossierSubmission submission;
    private final CounterRegistration counter;
    private final Reception reception;
    private final Processing processing;
    private final DossierSupplements supplements;
    private final DossierTransitions transitions;
    private final Dossiers dossiers;
    private final Apologies apologies;
    private final ResultReturn returns;
    private final SatisfactionRatings ratings;
    private final PaymentStart payments;
    private final SandboxPayments gateway;
    private final JsonMapper json;
    private final boolean wanted;

    DemoHistory(ApplicationClock clock, UserDetailsService users, Procedures procedures, WorkingCalendar calendar,
            DossierSubmission submission, CounterRegistration counter, Reception reception, Processing processing,
            DossierSupplements supplements, DossierTransitions transitions, Dossiers dossiers, Apologies apologies,
            ResultReturn returns, SatisfactionRatings ratings, PaymentStart payments, SandboxPayments gateway,
            JsonMapper json, @Value("${app.demo-data.history:auto}") String setting,
            ObjectProvider<io.zonky.test.db.postgres.embedded.EmbeddedPostgres> embedded) {
        this.clock = clock;
        this.users = users;
        this.procedures = procedures;
        this.calendar = calendar;
        this.submission = submission;
        this.counter = counter;
        this.reception = reception;
        this.processing = processing;
        this.supplements = supplements;
        this.transitions = transitions;
        this.dossiers = dossiers;
        this.apologies = apologies;
        this.returns = returns;
        this.ratings = ratings;
        this.payments = payments;
        this.gateway = gateway;
        this.json = json;
        this.wanted = "true".equalsIgnoreCase(setting)
                || ("auto".equalsIgnoreCase(setting) && embedded.getIfAvailable() != null);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** After every other set: it uses the accounts, the catalogue and the forms. */
    @Override
    public int order() {
        return 90;
    }

    @Override
    public boolean wanted() {
        return wanted;
    }

    @Override
    public void load() {
        Replay replay = new Replay(clock.now().minus(Duration.ofMinutes(1)));
        try {
            replay.plan();
            replay.run();
        } finally {
            clock.backToNow();
        }
        log.info("Demo history: {} dossiers, by status {}", replay.stories.size(), replay.byStatus());
    }

    /** One dossier's story. */
    private static final class Story {
        final int number;
        final Offer offer;
        final Channel channel;
        final Fate fate;
        final Pace pace;
        final Person person;
        final boolean apology;
        final boolean rated;
        final boolean returned;
        final int stallAt;
        String code;

        Story(int number, Offer offer, Channel channel, Fate fate, Pace pace, Person person, boolean apology,
                boolean rated, boolean returned, int stallAt) {
            this.number = number;
            this.offer = offer;
            this.channel = channel;
            this.fate = fate;
            this.pace = pace;
            this.person = person;
            this.apology = apology;
            this.rated = rated;
            this.returned = returned;
            this.stallAt = stallAt;
        }

        String agency() {
            return offer.desk().agency();
        }

        boolean online() {
            return channel == Channel.ONLINE;
        }

        String applicant() {
            return offer.forOrganisation() ? ORGANISATION : CITIZEN;
        }
    }

    private record Step(Instant at, long order, Runnable action) {
    }

    /** The agenda of one load: every planned step in time order, each step planning the next ones. */
    private final class Replay {

        private final Instant end;
        private final LocalDate today;
        private final Random random = new Random(SEED);
        private final PriorityQueue<Step> agenda = new PriorityQueue<>(
                (a, b) -> a.at().equals(b.at()) ? Long.compare(a.order(), b.order()) : a.at().compareTo(b.at()));
        private final List<Story> stories = new ArrayList<>();
        private final List<Person> people = new ArrayList<>();
        private final Map<String, AccountPrincipal> accounts = new LinkedHashMap<>();
        private final byte[] documentPdf = pdf("Giấy tờ kèm theo hồ sơ (tài liệu demo)",
                "Tài liệu minh hoạ do dữ liệu demo tạo ra; không phải giấy tờ thật.");
        private final Map<String, byte[]> resultPdfs = new LinkedHashMap<>();
        private long order;

        Replay(Instant end) {
            this.end = end;
            this.today = end.atZone(VietnamTime.ZONE).toLocalDate();
        }

        /** Chooses every dossier's story and its first step. */
        void plan() {
            for (int i = 0; i < PEOPLE; i++) {
                people.add(person(i));
            }
            LocalDate first = today.minusWeeks(WEEKS);
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate d = first; d.isBefore(today); d = d.plusDays(1)) {
                if (calendar.isWorkingDay(d)) {
                    days.add(d);
                }
            }
            List<LocalDate> lastDays = days.subList(Math.max(0, days.size() - 2), days.size());
            List<LocalDate> recentDays = days.subList(Math.max(0, days.size() - 6), days.size());
            List<Channel> channels = new ArrayList<>();
            List<Fate> fates = new ArrayList<>();
            deal(channels, fates, Channel.ONLINE, ONLINE_FATES);
            deal(channels, fates, Channel.DIRECT, COUNTER_FATES);
            deal(channels, fates, Channel.POSTAL, POSTAL_FATES);
            List<Integer> deck = new ArrayList<>();
            for (int i = 0; i < channels.size(); i++) {
                deck.add(i);
            }
            java.util.Collections.shuffle(deck, random);
            for (int n = 1; n <= deck.size(); n++) {
                Channel channel = channels.get(deck.get(n - 1));
                Fate fate = fates.get(deck.get(n - 1));
                Offer offer = OFFERS.get(random.nextInt(OFFERS.size()));
                double paceDraw = random.nextDouble();
                Pace pace = paceDraw < 0.55 ? Pace.EARLY : paceDraw < 0.85 ? Pace.ON_TIME : Pace.LATE;
                Person person = offer.forOrganisation() || channel == Channel.ONLINE ? null
                        : people.get(random.nextInt(people.size()));
                boolean apology = pace == Pace.LATE && random.nextBoolean();
                // some delivered dossiers stay unrated, so that a visitor signed in as congdan can try the form
                boolean rated = random.nextDouble() < 0.7;
                boolean returned = random.nextDouble() < 0.9;
                Story story = new Story(n, offer, channel, fate, pace, person, apology, rated, returned,
                        random.nextInt(3));
                stories.add(story);
                // most dossiers left in processing are recent (within their time), some are long overdue
                List<LocalDate> from = fate == Fate.NEW ? lastDays
                        : fate == Fate.STALLED && random.nextDouble() < 0.7 ? recentDays : days;
                LocalDate day = from.get(random.nextInt(from.size()));
                at(workingMoment(day, story.agency()), () -> submit(story));
            }
        }

        private void deal(List<Channel> channels, List<Fate> fates, Channel channel, Map<Fate, Integer> counts) {
            counts.forEach((fate, count) -> {
                for (int i = 0; i < count; i++) {
                    channels.add(channel);
                    fates.add(fate);
                }
            });
        }

        void run() {
            while (!agenda.isEmpty()) {
                Step step = agenda.poll();
                clock.replay(step.at());
                step.action().run();
            }
        }

        Map<DossierStatus, Integer> byStatus() {
            Map<DossierStatus, Integer> counts = new EnumMap<>(DossierStatus.class);
            stories.stream().filter(s -> s.code != null).forEach(s -> counts.merge(
                    dossiers.findByCode(s.code).orElseThrow().status(), 1, Integer::sum));
            return counts;
        }

        /** Plans an action at a moment, if that moment has already passed. */
        private void at(Instant moment, Runnable action) {
            if (moment.isBefore(end)) {
                agenda.add(new Step(moment, order++, action));
            }
        }

        // ---- the steps ----

        private void submit(Story story) {
            Procedure procedure = procedures.find(story.offer.procedureCode()).orElseThrow(
                    () -> new IllegalStateException("demo procedure missing: " + story.offer.procedureCode()));
            String form = form(story, procedure);
            List<Upload> uploads = uploads(procedure);
            String key = NAME + "-" + story.number;
            if (story.online()) {
                AccountPrincipal applicant = account(story.applicant());
                story.code = submission.submit(new Submission(applicant.id(), applicant.getUsername(), procedure.code(),
                        story.agency(), 0, form, List.of(), null, key), uploads).dossier().code();
                Instant now = clock.instant();
                boolean fee = procedure.terms(Channel.ONLINE).map(t -> t.fees() != null
                        && t.fees().stream().anyMatch(f -> f.amountVnd() > 0)).orElse(false);
                if (fee && gateway.available() && (story.fate == Fate.RESOLVED || story.fate == Fate.SUPPLEMENTED
                        || story.fate == Fate.STALLED)) {
                    at(later(now, minutes(5, 90), story), () -> pay(story));
                }
                switch (story.fate) {
                    case NEW -> {
                    }
                    case REFUSED -> at(later(now, minutes(30, 600), story), () -> refuse(story));
                    case WITHDRAWN -> at(later(now, minutes(60, 900), story), () -> withdraw(story));
                    case SUPPLEMENT_WAITING, SUPPLEMENTED ->
                        at(later(now, minutes(30, 480), story), () -> askSupplement(story));
                    default -> at(later(now, minutes(20, 420), story), () -> receive(story));
                }
            } else {
                Person p = story.person != null ? story.person : people.get(story.number % people.size());
                CounterApplicant applicant = new CounterApplicant(p.fullName(), p.citizenId(), p.birth().toString(),
                        p.sex(), p.phone(), null, p.address());
                Registration registration = new Registration(applicant, procedure.code(), story.channel, 0, form,
                        true, key);
                story.code = counter.register(account(story.offer.desk().reception()), registration, uploads).dossier()
                        .code();
                planProcessing(story, clock.instant());
            }
        }

        private void pay(Story story) {
            AccountPrincipal applicant = account(story.applicant());
            if (!gateway.pay(payments.start(story.code, applicant.id(), "127.0.0.1", "vn"))) {
                throw new IllegalStateException("the test gateway did not confirm the demo payment of " + story.code);
            }
        }

        private void refuse(Story story) {
            reception.refuse(story.code, account(story.offer.desk().reception()),
                    REFUSALS[random.nextInt(REFUSALS.length)], "Đã hướng dẫn người nộp (dữ liệu demo).");
        }

        private void withdraw(Story story) {
            AccountPrincipal applicant = account(story.applicant());
            transitions.withdraw(story.code, applicant.id(), applicant.getUsername(),
                    "Tôi nộp nhầm thủ tục, xin rút hồ sơ (dữ liệu demo).");
        }

        private void askSupplement(Story story) {
            reception.requestSupplement(story.code, account(story.offer.desk().reception()),
                    List.of("Bản sao giấy tờ tuỳ thân còn hiệu lực", "Tờ khai ký ghi rõ họ tên"),
                    "Hồ sơ thiếu giấy tờ theo quy định (dữ liệu demo).");
            if (story.fate == Fate.SUPPLEMENTED) {
                at(later(clock.instant(), minutes(120, 1200), story), () -> answerSupplement(story));
            }
        }

        private void answerSupplement(Story story) {
            AccountPrincipal applicant = account(story.applicant());
            Dossier dossier = dossiers.findByCode(story.code).orElseThrow();
            long request = dossiers.supplements(dossier.id()).stream().filter(s -> s.open()).findFirst()
                    .orElseThrow().id();
            supplements.answer(story.code, applicant.id(), applicant.getUsername(), request,
                    List.of(new Upload(0, "giay-to-bo-sung-demo.pdf", new ByteArrayResource(documentPdf)),
                            new Upload(1, "to-khai-demo.pdf", new ByteArrayResource(documentPdf))),
                    "Gửi bổ sung giấy tờ (dữ liệu demo).");
            at(later(clock.instant(), minutes(30, 300), story), () -> receive(story));
        }

        private void receive(Story story) {
            reception.receive(story.code, account(story.offer.desk().reception()));
            planProcessing(story, clock.instant());
        }

        /**
         * Plans the processing of a received dossier from its due time: the specialist takes it, attaches the
         * result and forwards it to the leader, who approves it early, on the due day or late as the story says.
         */
        private void planProcessing(Story story, Instant received) {
            Dossier dossier = dossiers.findByCode(story.code).orElseThrow();
            Instant due = dossier.dueAt();
            String agency = story.agency();
            Instant finish = switch (story.pace) {
                case EARLY -> later(received, scaled(calendar.workingTimeBetween(zoned(received), zoned(due), agency),
                        0.2, 0.75), story);
                case ON_TIME -> onDueDay(received, due, agency);
                case LATE -> later(due, minutes(8 * 60, 4 * 8 * 60), story);
            };
            Duration work = calendar.workingTimeBetween(zoned(received), zoned(finish), agency);
            Instant take = later(received, scaled(work, 0.03, 0.1), story);
            Instant forward = later(received, scaled(work, 0.55, 0.85), story);
            if (story.fate == Fate.STALLED && story.stallAt == 0) {
                return;
            }
            at(take, () -> processing.take(story.code, account(story.offer.desk().specialist())));
            if (story.apology) {
                planApology(story, received, due);
            }
            if (story.fate == Fate.STALLED && story.stallAt == 1) {
                return;
            }
            if (story.fate == Fate.STOPPED) {
                at(forward, () -> transitions.stop(story.code, agency, story.offer.desk().leader(),
                        "Cơ quan có thẩm quyền đang giải quyết tranh chấp liên quan; dừng xử lý theo quy định "
                                + "(dữ liệu demo)."));
                return;
            }
            at(forward, () -> {
                AccountPrincipal specialist = account(story.offer.desk().specialist());
                byte[] result = resultPdfs.computeIfAbsent(dossier.procedureName(), name -> pdf(
                        "Kết quả giải quyết (kết quả demo)", "Văn bản kết quả minh hoạ do dữ liệu demo tạo ra cho "
                                + "thủ tục " + name + "; không có giá trị pháp lý."));
                processing.attachResult(story.code, specialist, "ket-qua-demo.pdf", new ByteArrayInputStream(result));
                processing.forward(story.code, specialist, story.offer.desk().leader(), null);
            });
            if (story.fate == Fate.STALLED) {
                return;
            }
            at(finish, () -> {
                processing.approve(story.code, account(story.offer.desk().leader()), null);
                if (story.returned) {
                    at(later(clock.instant(), minutes(20, 900), story), () -> giveBack(story));
                }
            });
        }

        private void planApology(Story story, Instant received, Instant due) {
            LocalDate dueDay = due.atZone(VietnamTime.ZONE).toLocalDate();
            LocalDate day = dueDay.minusDays(2);
            while (!calendar.isWorkingDay(day)) {
                day = day.minusDays(1);
            }
            Instant moment = workingMoment(day, story.agency());
            if (!moment.isAfter(received)) {
                return;
            }
            LocalDate newDue = calendar.addWorkingDays(dueDay, 3);
            at(moment, () -> {
                if (apologies.mayIssue(dossiers.findByCode(story.code).orElseThrow())) {
                    apologies.issue(story.code, account(story.offer.desk().specialist()),
                            "Hồ sơ cần xác minh thêm với cơ quan liên quan (dữ liệu demo).", newDue.toString());
                }
            });
        }

        private void giveBack(Story story) {
            AccountPrincipal officer = account(story.offer.desk().reception());
            switch (story.channel) {
                case ONLINE -> returns.returnResult(story.code, officer, "ONLINE", null, null);
                case POSTAL -> returns.returnResult(story.code, officer, "POST", story.person == null
                        ? "Số 2 Trần Hưng Đạo (số nhà demo), phường Diên Hồng, tỉnh Gia Lai" : story.person.address(),
                        String.format("EB%07dVN", 1_000_000 + story.number));
                default -> returns.returnResult(story.code, officer, "COUNTER", null, null);
            }
            if (story.rated) {
                at(later(clock.instant(), minutes(30, 1500), story), () -> rate(story));
            }
        }

        private void rate(Story story) {
            Dossier dossier = dossiers.findByCode(story.code).orElseThrow();
            double draw = random.nextDouble();
            String rating = draw < 0.5 ? "VERY_SATISFIED" : draw < 0.88 ? "SATISFIED" : "NOT_SATISFIED";
            Map<String, String> indicators = new LinkedHashMap<>();
            for (Indicator indicator : Indicator.values()) {
                int score = "NOT_SATISFIED".equals(rating) ? random.nextInt(2) : 1 + random.nextInt(2);
                indicators.put(indicator.field(), Integer.toString(score));
            }
            String comment = COMMENTS[random.nextInt(COMMENTS.length)];
            ratings.rate(story.code, dossier.applicantId(), new RatingInput(rating,
                    comment == null ? null : comment + " (đánh giá demo)", indicators));
        }

        // ---- helpers ----

        private AccountPrincipal account(String username) {
            return accounts.computeIfAbsent(username, u -> (AccountPrincipal) users.loadUserByUsername(u));
        }

        private String form(Story story, Procedure procedure) {
            Map<String, String> answers = new LinkedHashMap<>();
            answers.put("requestSummary", "Đề nghị giải quyết thủ tục: " + procedure.name() + " " + DEMO_LABEL);
            if (story.online()) {
                boolean organisation = story.offer.forOrganisation();
                answers.put("contactName", organisation ? "Lê Thị Hoa" : "Nguyễn Văn An");
                answers.put("phone", organisation ? "02693000002" : "0912000001");
                answers.put("address", organisation
                        ? "Số 2 Trần Hưng Đạo (số nhà demo), phường Diên Hồng, tỉnh Gia Lai"
                        : "Số 1 Hùng Vương (số nhà demo), phường Pleiku, tỉnh Gia Lai");
            } else {
                Person p = story.person != null ? story.person : people.get(story.number % people.size());
                answers.put("contactName", p.fullName());
                answers.put("phone", p.phone());
                answers.put("address", p.address());
            }
            return json.writeValueAsString(answers);
        }

        /** A demo PDF for every required document of the procedure's first case. */
        private List<Upload> uploads(Procedure procedure) {
            List<ComponentCase> cases = procedure.content().components();
            List<Upload> uploads = new ArrayList<>();
            if (cases != null && !cases.isEmpty()) {
                var components = cases.get(0).components();
                for (int i = 0; i < components.size(); i++) {
                    if (components.get(i).required()) {
                        uploads.add(new Upload(i, "giay-to-demo.pdf", new ByteArrayResource(documentPdf)));
                    }
                }
            }
            return uploads;
        }

        /** An invented citizen of Gia Lai: "Demo" as the middle name, a citizen ID that follows the rules. */
        private Person person(int index) {
            boolean woman = random.nextBoolean();
            int year = 1960 + random.nextInt(45);
            LocalDate birth = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
            String given = woman ? WOMEN[random.nextInt(WOMEN.length)] : MEN[random.nextInt(MEN.length)];
            String name = FAMILY[random.nextInt(FAMILY.length)] + " Demo " + given;
            int sexDigit = (year >= 2000 ? 2 : 0) + (woman ? 1 : 0);
            String citizenId = String.format("064%d%02d9%05d", sexDigit, year % 100, index + 1);
            String phone = String.format("09121%05d", index + 1);
            String address = "Số " + (index + 10) + " đường Demo (số nhà demo), phường "
                    + WARDS[random.nextInt(WARDS.length)] + ", tỉnh Gia Lai";
            return new Person(name, citizenId, birth, woman ? "FEMALE" : "MALE", phone, address);
        }

        /** A moment of office hours on a working day, not in the last half hour of the afternoon. */
        private Instant workingMoment(LocalDate day, String agency) {
            WorkingHours hours = calendar.workingHours(agency);
            boolean morning = random.nextBoolean();
            LocalTime start = morning ? hours.morningStart() : hours.afternoonStart();
            LocalTime stop = morning ? hours.morningEnd() : hours.afternoonEnd().minusMinutes(30);
            long span = Duration.between(start, stop).toMinutes();
            return day.atTime(start.plusMinutes(5 + random.nextLong(Math.max(1, span - 5))))
                    .atZone(VietnamTime.ZONE).toInstant();
        }

        /** A moment on the due day, between its opening and the due time. */
        private Instant onDueDay(Instant received, Instant due, String agency) {
            ZonedDateTime dueAt = zoned(due);
            ZonedDateTime opening = dueAt.toLocalDate().atTime(calendar.workingHours(agency).morningStart())
                    .atZone(VietnamTime.ZONE);
            ZonedDateTime from = opening.isAfter(zoned(received)) ? opening : zoned(received);
            Duration room = calendar.workingTimeBetween(from, dueAt, agency);
            return calendar.addWorkingTime(from, scaled(room, 0.2, 0.9), agency).toInstant();
        }

        private Instant later(Instant from, Duration workingTime, Story story) {
            return calendar.addWorkingTime(zoned(from), workingTime, story.agency()).toInstant();
        }

        private Duration minutes(int least, int most) {
            return Duration.ofMinutes(least + random.nextInt(most - least + 1));
        }

        private Duration scaled(Duration duration, double least, double most) {
            double factor = least + random.nextDouble() * (most - least);
            return Duration.ofMinutes(Math.max(1, Math.round(duration.toMinutes() * factor)));
        }

        private ZonedDateTime zoned(Instant instant) {
            return instant.atZone(VietnamTime.ZONE);
        }
    }

    private static Map<Fate, Integer> fates(Object... fateAndCount) {
        Map<Fate, Integer> counts = new EnumMap<>(Fate.class);
        for (int i = 0; i < fateAndCount.length; i += 2) {
            counts.put((Fate) fateAndCount[i], (Integer) fateAndCount[i + 1]);
        }
        return counts;
    }

    /** A one-page A4 PDF with a title and a sentence, for the demo's attachments and results. */
    static byte[] pdf(String title, String text) {
        try (FormPdf pdf = new FormPdf(title, PDRectangle.A4)) {
            pdf.paragraph(0, title, 14, true);
            pdf.space(12);
            pdf.paragraph(0, text, 11, false);
            return pdf.bytes();
        }
    }
}
