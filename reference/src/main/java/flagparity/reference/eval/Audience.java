package flagparity.reference.eval;

/**
 * A config audience, which audienceMatch filters reference by id. Its operator is set once while
 * the config is compiled (audiences may reference each other, even in a cycle), before the config
 * is published; it is not changed afterwards.
 */
public final class Audience {
    private final String id;
    private Operator filters;

    public Audience(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public Operator filters() {
        return filters;
    }

    /** Sets the operator; called once by the config compiler. */
    public void define(Operator operator) {
        if (filters != null) throw new IllegalStateException("audience " + id + " already defined");
        this.filters = operator;
    }
}
