package dev.parley.shared.reactors;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/** One reactor: its name, whether it opens its own transactions, and its {@link Reacts} methods by event type. */
record ReactorDefinition(String name, boolean ownTransactions, Object bean, List<Method> methods, List<Method> afterBatchMethods,
                         Map<Class<?>, List<Method>> byType, List<Method> beforeBatchMethods) {

    static ReactorDefinition of(Object bean) {
        Reactor reactor = ClassUtils.getUserClass(bean).getAnnotation(Reactor.class);
        return of(reactor.value(), reactor.ownTransactions(), bean);
    }

    static ReactorDefinition of(String name, boolean ownTransactions, Object bean) {
        Class<?> type = ClassUtils.getUserClass(bean);
        List<Method> methods = new ArrayList<>();
        ReflectionUtils.doWithMethods(type, method -> {
            if (method.getParameterCount() != 1) throw new IllegalStateException("@Reacts method takes one event: " + method);
            ReflectionUtils.makeAccessible(method);
            methods.add(method);
        }, method -> method.isAnnotationPresent(Reacts.class));
        List<Method> afterBatch = new ArrayList<>();
        ReflectionUtils.doWithMethods(type, method -> {
            if (method.getParameterCount() != 0) throw new IllegalStateException("@AfterBatch method takes no argument: " + method);
            ReflectionUtils.makeAccessible(method);
            afterBatch.add(method);
        }, method -> method.isAnnotationPresent(AfterBatch.class));
        List<Method> beforeBatch = new ArrayList<>();
        ReflectionUtils.doWithMethods(type, method -> {
            if (method.getParameterCount() != 1 || !method.getParameterTypes()[0].isAssignableFrom(List.class)) {
                throw new IllegalStateException("@BeforeBatch method takes the batch's events as a List: " + method);
            }
            if (!ownTransactions) throw new IllegalStateException("@BeforeBatch is for reactors with their own transactions: " + method);
            ReflectionUtils.makeAccessible(method);
            beforeBatch.add(method);
        }, method -> method.isAnnotationPresent(BeforeBatch.class));
        return new ReactorDefinition(name, ownTransactions, bean, List.copyOf(methods), List.copyOf(afterBatch), new ConcurrentHashMap<>(),
                List.copyOf(beforeBatch));
    }

    /** Each event type's {@code conversationId()} accessor, or empty (looked up once per type, not per event). */
    private static final Map<Class<?>, java.util.Optional<Method>> CONVERSATION_ACCESSORS = new ConcurrentHashMap<>();

    /** The conversation an event is about (its {@code conversationId()}), or null: events of one conversation keep their order. */
    static Object conversationOf(Object event) {
        if (event == null) return null;
        Method accessor = CONVERSATION_ACCESSORS.computeIfAbsent(event.getClass(), type -> java.util.Optional.ofNullable(
                ReflectionUtils.findMethod(type, "conversationId")).filter(m -> m.getParameterCount() == 0)).orElse(null);
        return accessor == null ? null : ReflectionUtils.invokeMethod(accessor, event);
    }

    boolean accepts(Class<?> eventType) {
        return !handlers(eventType).isEmpty();
    }

    /** Calls every method taking this event; an exception of a method is thrown as it is. */
    void dispatch(Object event) {
        for (Method method : handlers(event.getClass())) invoke(method, event);
    }

    /** Calls the {@link BeforeBatch} methods with the batch's events the reactor takes. */
    void beforeBatch(List<Object> events) {
        for (Method method : beforeBatchMethods) invoke(method, events);
    }

    /** Calls the {@link AfterBatch} methods: the batch's events have all been seen. */
    void afterBatch() {
        for (Method method : afterBatchMethods) invoke(method);
    }

    /** Calls the {@link AfterBatch} methods that run in the batch's transaction ({@code true}) or the others. */
    void afterBatch(boolean inBatchTransaction) {
        for (Method method : afterBatchMethods) {
            if (method.getAnnotation(AfterBatch.class).inBatchTransaction() == inBatchTransaction) invoke(method);
        }
    }

    private void invoke(Method method, Object... args) {
        try {
            method.invoke(bean, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Method> handlers(Class<?> eventType) {
        return byType.computeIfAbsent(eventType, t -> methods.stream().filter(m -> m.getParameterTypes()[0].isAssignableFrom(t)).toList());
    }
}
