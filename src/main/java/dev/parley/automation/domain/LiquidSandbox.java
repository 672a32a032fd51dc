package dev.parley.automation.domain;

import java.util.Collection;
import java.util.Map;
import liqp.Template;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.filters.Filter;
import liqp.filters.Filters;
import liqp.nodes.LNode;
import liqp.parser.Flavor;
import liqp.tags.Tag;

/**
 * Renders the Liquid of rule messages in a sandbox: no {@code include} of any kind (the file system is never
 * read), at most {@link #MAX_ITERATIONS} loop iterations, {@link #MAX_OUTPUT} characters of output or of any
 * value a filter makes, {@link #MAX_TEMPLATE} characters of template and {@link #MAX_MILLIS} ms of rendering.
 * A template that breaks a limit is refused with {@link TemplateRefused}, never half-rendered.
 */
public final class LiquidSandbox {

    public static final int MAX_ITERATIONS = 10_000;
    public static final int MAX_OUTPUT = 65_536;
    public static final int MAX_TEMPLATE = 16_384;
    public static final long MAX_MILLIS = 500;
    private static final int MAX_ELEMENTS = 10_000;

    private final TemplateParser parser;

    public LiquidSandbox() {
        var builder = new TemplateParser.Builder()
                .withFlavor(Flavor.LIQUID)
                .withNameResolver(name -> { throw new TemplateRefused("include is not allowed"); })
                .withTag(new Refused("include"))
                .withTag(new Refused("include_relative"))
                .withMaxIterations(MAX_ITERATIONS)
                .withMaxSizeRenderedString(MAX_OUTPUT)
                .withMaxTemplateSizeBytes(MAX_TEMPLATE * 4L)
                .withMaxRenderTimeMillis(MAX_MILLIS);
        for (Filter filter : Filters.DEFAULT_FILTERS.values()) builder.withFilter(new Bounded(filter));
        this.parser = builder.build();
    }

    /** The rendered text; throws {@link TemplateRefused} saying why when the template cannot render within the limits. */
    public String render(String text, Map<String, Object> variables) {
        if (text == null || (!text.contains("{{") && !text.contains("{%"))) return text;
        if (text.length() > MAX_TEMPLATE) throw new TemplateRefused("is longer than " + MAX_TEMPLATE + " characters");
        try {
            Template template = parser.parse(text);
            return template.render(variables);
        } catch (TemplateRefused e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new TemplateRefused(reason(e));
        }
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TemplateRefused refused) return refused.getMessage();
            if (t instanceof java.util.concurrent.TimeoutException) return "took longer than " + MAX_MILLIS + " ms to render";
            if (t instanceof liqp.exceptions.ExceededMaxIterationsException) return "loops more than " + MAX_ITERATIONS + " times";
            String message = String.valueOf(t.getMessage());
            if (message.contains("rendered string exceeds")) return "renders more than " + MAX_OUTPUT + " characters";
        }
        if (e instanceof StackOverflowError) return "nests too deeply";
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "cannot be rendered: " + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
    }

    /** Thrown when a template breaks a limit of the sandbox or cannot be parsed. */
    public static final class TemplateRefused extends RuntimeException {
        public TemplateRefused(String message) {
            super(message, null, false, false);
        }
    }

    /** A tag that refuses to render (include and include_relative read files). */
    private static final class Refused extends Tag {
        Refused(String name) {
            super(name);
        }

        @Override
        public Object render(TemplateContext context, LNode... nodes) {
            throw new TemplateRefused(name + " is not allowed");
        }
    }

    /** A standard filter whose result may not grow past the output limit (stops append/concat doubling in a loop). */
    private static final class Bounded extends Filter {
        private final Filter delegate;

        Bounded(Filter delegate) {
            super(delegate.name);
            this.delegate = delegate;
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            return checked(delegate.apply(value, context, params));
        }

        private Object checked(Object result) {
            if (result instanceof CharSequence s && s.length() > MAX_OUTPUT) {
                throw new TemplateRefused("makes a value longer than " + MAX_OUTPUT + " characters");
            }
            if (result instanceof Collection<?> c && c.size() > MAX_ELEMENTS) throw new TemplateRefused("makes a list longer than " + MAX_ELEMENTS);
            if (result instanceof Object[] a && a.length > MAX_ELEMENTS) throw new TemplateRefused("makes a list longer than " + MAX_ELEMENTS);
            return result;
        }
    }
}
