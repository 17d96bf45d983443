package com.example;

import com.example.mail.SendReminder;
import dev.sequencer.DeferredDescriptor;
import dev.sequencer.DeferredHandler;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.OperationRegistry;
import dev.sequencer.RunReport;
import dev.sequencer.Sequencer;
import dev.sequencer.Worker;
import java.util.List;
import java.util.function.IntFunction;
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

  private static final class Part0 implements OperationDescriptor.Source, IntFunction<OperationDescriptor.Source> {
    private static final String[] DATA = {
      "2024_01_02_000000_seed_admin_user\u001f20240102000000\u001fcom.example.SeedAdminUser\u001f\u001f\u001f\u001f\u001f5",
      "2024_01_03_000000_reencrypt_emails\u001f20240103000000\u001fcom.example.ReencryptEmails\u001f\u001f\u001f\u001f\u001f5",
      "backfill-invoices\u001f20240104000000\u001fcom.example.BackfillInvoices\u001fFills invoices.total from the \"lines\" table\u001fbilling\u001eslow\u001f2024_01_02_000000_seed_admin_user\u001e2024_01_03_000000_reencrypt_emails\u001f2.1\u001f4",
      "2024_01_05_000000_send_welcome_mails\u001f20240105000000\u001fcom.example.SendWelcomeMails\u001f\u001f\u001f\u001f\u001f7",
      "2024_01_06_000000_purge_sessions\u001f20240106000000\u001fcom.example.Maintenance$PurgeSessions\u001f\u001f\u001f\u001f\u001f5",
      "2024_01_07_000000_http_import\u001f20240107000000\u001fcom.example.HTTPImport\u001f\u001f\u001f\u001f\u001f1",
      "2024_01_08_000000_recalculate_balances\u001f20240108000000\u001fcom.example.RecalculateBalances\u001f\u001f\u001f\u001f\u001f5\u001f4\u001f1000\u001e5000\u001e120000\u001f30000\u001f1\u001fproduction\u001estaging-*"
    };

    private final int index;

    private Part0(int index) {
      this.index = index;
    }

    static List<OperationDescriptor> operations() {
      return OperationRegistry.decode(DATA, new Part0(-1));
    }

    @Override
    public OperationDescriptor.Source apply(int index) {
      return new Part0(index);
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
