package org.ungis.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * The agencies and the reviewers: submits contributions to the benchmark's calls for inputs over
 * HTTP (round robin over the member agencies), and approves each accepted one as the chair (a
 * vice-chair for the chair's own agency: recusal). Opens a new call every {@code entriesPerCall}
 * submissions, a few calls ahead of need.
 */
final class Workflow implements AutoCloseable {

  private static final int APPROVAL_ATTEMPTS = 20;
  private static final int OPENING_CONCURRENCY = 8;

  private final Options options;
  private final Actors actors;
  private final List<String> agencies;
  private final String chair;
  private final String viceChair;
  private final String runId;
  private final String body;
  private final RoundRobin intake;
  private final RoundRobin reviews;
  private final ExecutorService httpExecutor = Executors.newFixedThreadPool(4, daemon("http"));
  private final HttpClient http;
  private final AtomicLong sequence = new AtomicLong();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final ExecutorService callOpener = Executors.newSingleThreadExecutor(daemon("calls"));
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(daemon("retry"));
  private final BlockingQueue<Runnable> approvalQueue = new LinkedBlockingQueue<>();
  private final int approvalConcurrency;
  private final Semaphore approvalSlots;
  private final Thread approver;

  /** contribution id -> intended send time (nanos) of its submission, until it is published. */
  final Map<String, Long> awaitingPublication = new ConcurrentHashMap<>();

  /**
   * contribution id -> the instants of its way through the workflow (see {@link Steps}): the
   * benchmark's own here, the records' timestamps by {@link StepFollower} and {@link
   * RecordFollower}.
   */
  final Map<String, Steps.Timeline> timelines = new ConcurrentHashMap<>();

  final Histogram approvalLatency = Latency.micros();
  final LongAdder approved = new LongAdder();

  /** Measured approvals that needed more than one attempt (404/503/no answer). */
  final LongAdder approvalsRetried = new LongAdder();

  final Map<String, LongAdder> approvalFailures = new ConcurrentHashMap<>();
  private volatile boolean tracking;
  private volatile boolean closed;

  Workflow(
      Options options,
      Actors actors,
      List<String> agencies,
      String chair,
      String viceChair,
      String runId) {
    this.options = options;
    this.actors = actors;
    this.agencies = agencies;
    this.chair = chair;
    this.viceChair = viceChair;
    this.runId = runId;
    this.approvalConcurrency = options.approvalConcurrency();
    this.approvalSlots = new Semaphore(approvalConcurrency);
    this.body = text(options.bodyChars());
    this.intake = new RoundRobin(options.contributionsUrls());
    this.reviews = new RoundRobin(options.reviewUrls());
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(httpExecutor)
            .build();
    this.approver = new Thread(this::approveLoop, "approver");
    approver.setDaemon(true);
    approver.start();
  }

  HttpClient http() {
    return http;
  }

  List<String> calls() {
    return calls;
  }

  /** From now on, accepted submissions are tracked until their publication. */
  void track(boolean on) {
    this.tracking = on;
  }

  /**
   * Opens the calls a run of {@code expected} submissions needs, and waits until intake knows them.
   */
  void prepare(long expected) throws Exception {
    int needed =
        (int) Math.max(1, (expected + options.entriesPerCall() - 1) / options.entriesPerCall());
    openCalls(needed + 1);
    for (String url : intake.targets()) {
      awaitIntakeKnows(url, calls.get(calls.size() - 1));
    }
  }

  /**
   * Opens calls up to index {@code count - 1}, {@value #OPENING_CONCURRENCY} requests at a time.
   */
  private synchronized void openCalls(int count) throws Exception {
    Semaphore slots = new Semaphore(OPENING_CONCURRENCY);
    List<CompletableFuture<String>> opened = new java.util.ArrayList<>();
    for (int index = calls.size(); index < count; index++) {
      slots.acquire();
      String id = runId + "-" + index;
      opened.add(
          http.sendAsync(callRequest(id), HttpResponse.BodyHandlers.ofString())
              .whenComplete((r, e) -> slots.release())
              .thenApply(
                  response -> {
                    if (response.statusCode() != 201) {
                      throw new IllegalStateException(
                          "opening call "
                              + id
                              + ": HTTP "
                              + response.statusCode()
                              + " "
                              + response.body());
                    }
                    return id;
                  }));
    }
    for (CompletableFuture<String> call : opened) {
      calls.add(call.get(60, TimeUnit.SECONDS)); // in index order
    }
  }

  private synchronized void openCall(int index) throws Exception {
    while (calls.size() <= index) {
      String id = runId + "-" + calls.size();
      HttpResponse<String> response =
          http.send(callRequest(id), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            "opening call " + id + ": HTTP " + response.statusCode() + " " + response.body());
      }
      calls.add(id);
    }
  }

  private HttpRequest callRequest(String id) {
    String json =
        "{\"id\":\""
            + id
            + "\",\"title\":\"Benchmark call "
            + id
            + "\",\"description\":\"Opened by the UNGIS benchmark\",\"deadline\":\""
            + Instant.now().plus(Duration.ofDays(30))
            + "\"}";
    return actors
        .asReviewer(
            HttpRequest.newBuilder(URI.create(options.reviewUrl() + "/api/v1/processes")), chair)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private void awaitIntakeKnows(String url, String call) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      HttpResponse<String> response =
          http.send(
              submission(url, call, agencies.get(0), -1), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 201) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "contributions-service at "
                + url
                + " does not accept submissions to "
                + call
                + ": HTTP "
                + response.statusCode()
                + " "
                + response.body());
      }
      Thread.sleep(250);
    }
  }

  /** The load target: one submission; on 201 the approval is queued. */
  CompletableFuture<Integer> submit(long intendedNanos) {
    long seq = sequence.getAndIncrement();
    int callIndex = (int) (seq / options.entriesPerCall());
    if (callIndex + 2 >= calls.size() && !closed) {
      int ahead = callIndex + 3;
      callOpener.execute(
          () -> {
            try {
              openCall(ahead);
            } catch (Exception e) {
              System.err.println("[benchmark] could not open a call: " + e.getMessage());
            }
          });
    }
    String call = calls.get(Math.min(callIndex, calls.size() - 1));
    String agency = agencies.get((int) (seq % agencies.size()));
    boolean track = tracking;
    return http.sendAsync(
            keyed(submission(intake.next(), call, agency, seq), seq),
            HttpResponse.BodyHandlers.discarding())
        .thenApply(
            response -> {
              if (response.statusCode() == 201 && options.approve()) {
                String location = response.headers().firstValue("Location").orElse("");
                String id = location.substring(location.lastIndexOf('/') + 1);
                long acceptedNanos = System.nanoTime();
                Steps.Timeline timeline = null;
                if (track) {
                  long acceptedMs = System.currentTimeMillis();
                  long sentMs = acceptedMs - (acceptedNanos - intendedNanos + 500_000) / 1_000_000;
                  timeline =
                      timelines
                          .computeIfAbsent(id, k -> new Steps.Timeline())
                          .mark(Steps.Point.SENT, sentMs)
                          .mark(Steps.Point.ACCEPTED, acceptedMs);
                  awaitingPublication.put(id, intendedNanos);
                }
                Steps.Timeline measured = timeline;
                approvalQueue.add(() -> approve(id, agency, 1, acceptedNanos, measured));
              }
              return response.statusCode();
            });
  }

  /** The same submission to another endpoint (the bare HTTP baseline): no approval. */
  CompletableFuture<Integer> submitTo(String baseUrl) {
    long seq = sequence.getAndIncrement();
    String agency = agencies.get((int) (seq % agencies.size()));
    return http.sendAsync(
            submission(baseUrl, calls.get(0), agency, seq), HttpResponse.BodyHandlers.discarding())
        .thenApply(HttpResponse::statusCode);
  }

  /** With --idempotency-keys, the submission carries a key unique to this run and submission. */
  private HttpRequest keyed(HttpRequest request, long seq) {
    if (!options.idempotencyKeys()) {
      return request;
    }
    return HttpRequest.newBuilder(request, (name, value) -> true)
        .header("Idempotency-Key", runId + "-" + seq)
        .build();
  }

  private HttpRequest submission(String baseUrl, String call, String agency, long seq) {
    String json =
        "{\"processId\":\""
            + call
            + "\",\"title\":\"Benchmark input "
            + seq
            + " of "
            + agency
            + "\",\"summary\":\"How "
            + agency
            + " advances the WSIS action lines (benchmark).\",\"body\":\""
            + body
            + "\",\"language\":\"EN\",\"actionLines\":[\"C2\",\"C7\"],\"sdgs\":[9,17],"
            + "\"links\":[\"https://www.itu.int/net4/wsis/forum/\"]}";
    return actors
        .asAgency(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/contributions")), agency)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private void approveLoop() {
    try {
      while (true) {
        Runnable next = approvalQueue.take();
        approvalSlots.acquire();
        next.run();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Sends one approval (a slot is held); retries 404/503 (the view has not read it yet). {@code
   * timeline} is null for an approval that is not measured (warm-up).
   */
  private void approve(
      String id, String agency, int attempt, long firstNanos, Steps.Timeline timeline) {
    String reviewer = agency.equals(chair) ? viceChair : chair;
    HttpRequest request =
        actors
            .asReviewer(
                HttpRequest.newBuilder(
                    URI.create(reviews.next() + "/api/v1/reviews/" + id + "/decisions")),
                reviewer)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"revision\":1,\"decision\":\"APPROVED\"}"))
            .build();
    if (timeline != null && attempt == 1) {
      timeline.mark(Steps.Point.APPROVAL_SENT, System.currentTimeMillis());
    }
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (response, error) -> {
              approvalSlots.release();
              int status = error == null ? response.statusCode() : -1;
              if (status == 201) {
                approved.increment();
                if (timeline != null) {
                  timeline.mark(Steps.Point.APPROVED, System.currentTimeMillis());
                  synchronized (approvalLatency) {
                    approvalLatency.recordValue((System.nanoTime() - firstNanos) / 1000);
                  }
                }
                return;
              }
              if ((status == 404 || status == 503 || status == -1)
                  && attempt < APPROVAL_ATTEMPTS
                  && !closed) {
                if (timeline != null && attempt == 1) {
                  approvalsRetried.increment();
                }
                retries.schedule(
                    () ->
                        approvalQueue.add(
                            () -> approve(id, agency, attempt + 1, firstNanos, timeline)),
                    200,
                    TimeUnit.MILLISECONDS);
                return;
              }
              String key =
                  error == null
                      ? "HTTP " + status + " " + abbreviate(response.body())
                      : LoadGenerator.rootCause(error);
              approvalFailures.computeIfAbsent(key, k -> new LongAdder()).increment();
              awaitingPublication.remove(id);
            });
  }

  /** Waits until every queued approval has been answered (at most {@code timeout}). */
  void awaitApprovals(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (approvalQueue.isEmpty()
          && approvalSlots.availablePermits() == approvalConcurrency
          && approvalSlots.tryAcquire(approvalConcurrency, 200, TimeUnit.MILLISECONDS)) {
        approvalSlots.release(approvalConcurrency);
        if (approvalQueue.isEmpty()) {
          return;
        }
      }
      Thread.sleep(100);
    }
  }

  int approvalsPending() {
    return approvalQueue.size() + approvalConcurrency - approvalSlots.availablePermits();
  }

  private static String abbreviate(String text) {
    String t = text == null ? "" : text.replaceAll("\\s+", " ");
    int type = t.indexOf("problems/");
    if (type >= 0) {
      int end = t.indexOf('"', type);
      return t.substring(type + 9, end > 0 ? end : Math.min(t.length(), type + 40));
    }
    return t.length() > 60 ? t.substring(0, 60) : t;
  }

  /** A body of about {@code chars} characters of plain prose (no JSON escaping needed). */
  static String text(int chars) {
    String sentence =
        "Digital public infrastructure, meaningful connectivity and capacity building advance"
            + " the WSIS action lines and the Sustainable Development Goals. ";
    StringBuilder text = new StringBuilder(chars + sentence.length());
    while (text.length() < chars) {
      text.append(sentence);
    }
    return text.substring(0, chars).trim();
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    closed = true;
    approver.interrupt();
    callOpener.shutdownNow();
    retries.shutdownNow();
    httpExecutor.shutdownNow();
  }
}
