package com.example;

import com.example.mail.SendReminder;
import dev.sequencer.DeferredDescriptor;
import dev.sequencer.DeferredHandler;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.OperationPolicy;
import dev.sequencer.OperationRegistry;
import dev.sequencer.RunReport;
import dev.sequencer.Sequencer;
import dev.sequencer.Worker;
import java.time.Duration;
import java.util.List;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;

@Generated("dev.sequencer.processor.SequencerProcessor")
public final class GeneratedSequencer implements OperationRegistry {
  private static final List<OperationDescriptor> REGISTRY = OperationRegistry.of(Part0.operations());

  private static final List<DeferredDescriptor> DEFERRED = List.of(
      new DeferredDescriptor("call-webhook", "com.example.Webhooks$Call", false, new DeferredPart(0)),
      new DeferredDescriptor("send-reminder", "com.example.mail.SendReminder", true, new DeferredPart(1)));

  /**
   * For ServiceLoader; use the static methods.
   */
  public GeneratedSequencer() {
  }

  @Override
  public List<OperationDescriptor> operations() {
    return REGISTRY;
  }

  @Override
  public List<DeferredDescriptor> deferredHandlers() {
    return DEFERRED;
  }

  /**
   * The ordered, immutable list of operation descriptors.
   */
  public static List<OperationDescriptor> registry() {
    return REGISTRY;
  }

  /**
   * The {@code @Deferred} handlers, by alias.
   */
  public static List<DeferredDescriptor> deferred() {
    return DEFERRED;
  }

  public static Sequencer sequencer() {
    return Sequencer.configure().loadConfiguration().registry(REGISTRY).deferredHandlers(DEFERRED).load();
  }

  public static Sequencer sequencer(DataSource dataSource) {
    return Sequencer.configure().loadConfiguration().dataSource(dataSource).registry(REGISTRY).deferredHandlers(DEFERRED).load();
  }

  public static RunReport migrate() {
    try (Sequencer sequencer = sequencer()) {
      return sequencer.migrate();
    }
  }

  public static RunReport migrate(DataSource dataSource) {
    try (Sequencer sequencer = sequencer(dataSource)) {
      return sequencer.migrate();
    }
  }

  public static RunReport process() {
    try (Sequencer sequencer = sequencer()) {
      return sequencer.process();
    }
  }

  public static RunReport process(DataSource dataSource) {
    try (Sequencer sequencer = sequencer(dataSource)) {
      return sequencer.process();
    }
  }

  public static Worker worker() {
    return Worker.closing(sequencer());
  }

  public static Worker worker(DataSource dataSource) {
    return Worker.closing(sequencer(dataSource));
  }

  private static final class Part0 implements OperationDescriptor.Source {
    private final int index;

    private Part0(int index) {
      this.index = index;
    }

    static List<OperationDescriptor> operations() {
      return List.of(
          new OperationDescriptor("2024_01_02_000000_seed_admin_user", "20240102000000", "com.example.SeedAdminUser", "", List.of(), List.of(), null, true, false, true, new Part0(0)),
          new OperationDescriptor("2024_01_03_000000_reencrypt_emails", "20240103000000", "com.example.ReencryptEmails", "", List.of(), List.of(), null, true, false, true, new Part0(1)),
          new OperationDescriptor("backfill-invoices", "20240104000000", "com.example.BackfillInvoices", "Fills invoices.total from the \"lines\" table", List.of("billing", "slow"), List.of("2024_01_02_000000_seed_admin_user", "2024_01_03_000000_reencrypt_emails"), "2.1", false, false, true, new Part0(2)),
          new OperationDescriptor("2024_01_05_000000_send_welcome_mails", "20240105000000", "com.example.SendWelcomeMails", "", List.of(), List.of(), null, true, true, true, new Part0(3)),
          new OperationDescriptor("2024_01_06_000000_purge_sessions", "20240106000000", "com.example.Maintenance$PurgeSessions", "", List.of(), List.of(), null, true, false, true, new Part0(4)),
          new OperationDescriptor("2024_01_07_000000_http_import", "20240107000000", "com.example.HTTPImport", "", List.of(), List.of(), null, true, false, false, new Part0(5)),
          new OperationDescriptor("2024_01_08_000000_recalculate_balances", "20240108000000", "com.example.RecalculateBalances", "", List.of(), List.of(), null, true, false, true, new Part0(6), new OperationPolicy(4, List.of(Duration.ofMillis(1000), Duration.ofMillis(5000), Duration.ofMillis(120000)), Duration.ofMillis(30000), true, List.of("production", "staging-*"))));
    }

    @Override
    public Class<? extends OperationHandler> type() {
      switch (index) {
        case 0:
          return SeedAdminUser.class;
        case 1:
          return ReencryptEmails.class;
        case 2:
          return BackfillInvoices.class;
        case 3:
          return SendWelcomeMails.class;
        case 4:
          return Maintenance.PurgeSessions.class;
        case 5:
          return HTTPImport.class;
        case 6:
          return RecalculateBalances.class;
        default:
          throw new IllegalStateException("No operation " + index);
      }
    }

    @Override
    public OperationHandler newInstance() {
      switch (index) {
        case 0:
          return new SeedAdminUser();
        case 1:
          return new ReencryptEmails();
        case 2:
          return new BackfillInvoices();
        case 3:
          return new SendWelcomeMails();
        case 4:
          return new Maintenance.PurgeSessions();
        case 5:
          return null;
        case 6:
          return new RecalculateBalances();
        default:
          throw new IllegalStateException("No operation " + index);
      }
    }
  }

  private static final class DeferredPart implements DeferredDescriptor.Source {
    private final int index;

    private DeferredPart(int index) {
      this.index = index;
    }

    @Override
    public Class<? extends DeferredHandler> type() {
      switch (index) {
        case 0:
          return Webhooks.Call.class;
        case 1:
          return SendReminder.class;
        default:
          throw new IllegalStateException("No deferred handler " + index);
      }
    }

    @Override
    public DeferredHandler newInstance() {
      switch (index) {
        case 0:
          return null;
        case 1:
          return new SendReminder();
        default:
          throw new IllegalStateException("No deferred handler " + index);
      }
    }
  }
}
