package flagparity.bench.report;

import flagparity.bench.jmh.CoreChoice;
import flagparity.reference.api.CoreVersion;
import flagparity.reference.api.Engines;
import flagparity.wasm.Codec;
import flagparity.wasm.engine.CoreBuild;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Markdown tables of JMH rows: the params that differ between rows as columns, the rest said once. */
final class Tables {
    /** Params shown first, in this order; any others follow by name. */
    private static final List<String> PARAM_ORDER =
            List.of("engine", "core", "codec", "concurrency", "poolSize", "lookupCase", "config", "customDataKeys");

    /** Marks a score that was not at steady state ({@link JmhRow#stillWarming()}). */
    static final String WARMING = "‡";
    /** Marks a score whose cost grew during the measurement ({@link JmhRow#drifting()}). */
    static final String DRIFTING = "↗";
    /** Marks a codec exposed to the core's protobuf heap defects ({@link #defects}), linked to their causes. */
    static final String D7 = defectsLink("D7");
    static final String D7_D8 = defectsLink("D7, D8");

    private Tables() {}

    /**
     * The rows as a table, each with its score ± error, its allocation when measured, and a reference to
     * the command that reproduces it; the commands are listed below.
     */
    static String jmh(List<JmhRow> rows) {
        if (rows.isEmpty()) {
            return "_No rows in this run._\n";
        }
        List<String> varying = new ArrayList<>();
        List<String> constant = new ArrayList<>();
        for (String p : paramNames(rows)) {
            Set<String> values = new LinkedHashSet<>();
            rows.forEach(r -> values.add(String.valueOf(r.param(p))));
            if (values.size() > 1) {
                varying.add(p);
            } else {
                String v = values.iterator().next();
                constant.add(p + "=" + ("codec".equals(p) ? codec(v, rows.get(0).param("core")) : code(v)));
            }
        }
        boolean methods = rows.stream().map(JmhRow::shortName).distinct().count() > 1;
        boolean threads = rows.stream().map(JmhRow::threads).distinct().count() > 1;
        boolean alloc = rows.stream().anyMatch(r -> r.alloc() != null);
        Commands commands = new Commands();
        List<List<String>> body = new ArrayList<>();
        for (JmhRow r : rows) {
            List<String> cells = new ArrayList<>();
            if (methods) {
                cells.add(r.shortName());
            }
            varying.forEach(p -> cells.add(!applies(r, p) ? "—" : "codec".equals(p) ? codec(r.param(p), r.param("core"))
                    : code(r.param(p))));
            if (threads) {
                cells.add(Integer.toString(r.threads()));
            }
            cells.add(Units.format(r.primary()) + (r.stillWarming() ? " " + WARMING : "")
                    + (r.drifting() ? " " + DRIFTING : ""));
            if (alloc) {
                cells.add(r.alloc() == null ? "" : Units.format(r.alloc()));
            }
            cells.add(commands.ref(r.command()));
            body.add(cells);
        }
        return Templates.table("jmh", new JmhTable(methods ? null : rows.get(0).shortName(), rows.get(0).mode(),
                constant.isEmpty() ? null : String.join(", ", constant), rows.stream().map(JmhRow::settings).distinct().collect(Collectors.joining("; ")),
                methods, varying, threads, scoreHeader(rows), alloc, body, commands.list()));
    }

    /**
     * What {@code tables.mustache} lays out as a table of JMH rows.
     *
     * @param benchmark the one benchmark of the rows, or {@code null} when they are several (a column then)
     * @param params the params that vary between the rows, a column each
     * @param constant the params all rows share, said once, or {@code null}
     */
    record JmhTable(String benchmark, String mode, String constant, String settings, boolean methods,
            List<String> params, boolean threads, String score, boolean alloc, List<List<String>> rows,
            List<Commands.Numbered> commands) {}

    /** Codec, concurrency and pool size mean nothing to an engine without codecs (JMH still records a value). */
    static boolean applies(JmhRow r, String param) {
        String engine = r.param("engine");
        return engine == null || !List.of("codec", "concurrency", "poolSize").contains(param)
                || !Engines.get(engine).codecs().isEmpty();
    }

    /**
     * The defects a codec is exposed to on a core: {@code D7} (or {@code D7, D8} on a core that also has D8,
     * e.g. 1.42.8) for the raw protobuf codecs, which send users with custom data through the core's protobuf
     * entry points (the engines' default codec is D7-safe); {@code null} for a codec exposed to neither.
     */
    static String defects(String codec, String core) {
        CoreBuild build = build(core);
        return !Codec.parse(codec).rawProtobuf() || !build.hasD7() ? null : build.hasD8() ? "D7, D8" : "D7";
    }

    /** A codec cell: its id, marked with the defects it is exposed to on the core, linked to their causes. */
    static String codec(String codec, String core) {
        String defects = defects(codec, core);
        return code(codec) + (defects == null ? "" : " " + defectsLink(defects));
    }

    private static String defectsLink(String defects) {
        return "[" + defects + "](DIVERGENCES.md#causes)";
    }

    /** The core build a row's {@code core} param names; rows from before the param ran the first, 1.32.0. */
    static CoreBuild build(String core) {
        return core == null ? CoreBuild.of(CoreVersion.values()[0]) : CoreChoice.NEWEST.equals(core) ? CoreBuild.newest()
                : CoreBuild.parse(core);
    }

    private static String scoreHeader(List<JmhRow> rows) {
        boolean throughput = rows.stream().allMatch(JmhRow::higherIsBetter);
        boolean time = rows.stream().noneMatch(JmhRow::higherIsBetter);
        return throughput ? "throughput" : time ? "time per op" : "score";
    }

    private static List<String> paramNames(List<JmhRow> rows) {
        Set<String> all = new LinkedHashSet<>();
        PARAM_ORDER.stream().filter(p -> rows.stream().anyMatch(r -> r.params().containsKey(p))).forEach(all::add);
        rows.forEach(r -> all.addAll(r.params().keySet()));
        return new ArrayList<>(all);
    }

    /** A value in backticks, with pipes escaped so it cannot break the table. */
    static String code(String v) {
        return v == null ? "" : "`" + v.replace("|", "\\|") + "`";
    }

    /** Numbered commands under a table; a row refers to its command as {@code [n]}. */
    static final class Commands {
        private final List<String> list = new ArrayList<>();

        String ref(String command) {
            if (command == null) {
                return "";
            }
            int i = list.indexOf(command);
            if (i < 0) {
                list.add(command);
                i = list.size() - 1;
            }
            return "[" + (i + 1) + "]";
        }

        /** The commands, numbered as {@link #ref} refers to them. */
        List<Numbered> list() {
            return IntStream.range(0, list.size()).mapToObj(i -> new Numbered(i + 1, list.get(i)))
                    .collect(Collectors.toList());
        }

        record Numbered(int n, String command) {}
    }
}
