package org.xray.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.MethodInfo;

/**
 * A service as its own jar shows it: the settings it reads (its {@code application.properties} and its
 * {@code @ConfigMapping} interfaces), which of them have no value unless the deployment gives one, its HTTP port and
 * the Kafka topics of its channels.
 */
final class ServiceJar {

    private static final DotName CONFIG_MAPPING = DotName.createSimple("io.smallrye.config.ConfigMapping");
    private static final DotName WITH_NAME = DotName.createSimple("io.smallrye.config.WithName");
    private static final DotName WITH_DEFAULT = DotName.createSimple("io.smallrye.config.WithDefault");
    private static final DotName WITH_PARENT_NAME = DotName.createSimple("io.smallrye.config.WithParentName");
    private static final DotName OPTIONAL = DotName.createSimple(Optional.class.getName());
    private static final Pattern PROFILE = Pattern.compile("^%([\\w-]+)\\.(.+)$");
    // ${NAME} or ${NAME:default}: a value taken from another property or, for an upper-case name, an env variable.
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)");
    private static final Pattern CHANNEL_TOPIC = Pattern.compile("^mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topics?$");

    private static final Map<String, ServiceJar> BY_NAME = load();

    private final String name;
    private final Map<String, String> properties;
    private final Set<String> readProperties;
    private final Set<String> requiredProperties;
    private final Set<String> referencedEnvironmentVariables;
    private final ClassIndex jar;

    private ServiceJar(String name, Map<String, String> properties, Set<String> readProperties,
                       Set<String> requiredProperties, Set<String> referencedEnvironmentVariables, ClassIndex jar) {
        this.name = name;
        this.properties = properties;
        this.readProperties = readProperties;
        this.requiredProperties = requiredProperties;
        this.referencedEnvironmentVariables = referencedEnvironmentVariables;
        this.jar = jar;
    }

    static ServiceJar named(String service) {
        ServiceJar jar = BY_NAME.get(service);
        if (jar == null) {
            throw new IllegalArgumentException("no jar of " + service + " on the test class path; found " + BY_NAME.keySet());
        }
        return jar;
    }

    /**
     * The environment variable that overrides {@code property}, by MicroProfile Config's rule: every character that
     * is not a letter or digit becomes {@code _}, then upper case ({@code xray.scoring.bundle-signing-key} ->
     * {@code XRAY_SCORING_BUNDLE_SIGNING_KEY}).
     */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    String name() {
        return name;
    }

    /** The value in the default (production) profile, after {@code %prod.} overrides. */
    Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    int httpPort() {
        return Integer.parseInt(property("quarkus.http.port").orElse("8080"));
    }

    /** Every environment variable the service reads: the override of each setting, and those named in values. */
    Set<String> environmentVariablesRead() {
        Set<String> names = new TreeSet<>(referencedEnvironmentVariables);
        readProperties.forEach(property -> names.add(environmentName(property)));
        return names;
    }

    /** The environment variables a deployment must set: settings without a value outside the dev and test profiles. */
    Set<String> requiredEnvironmentVariables() {
        Set<String> names = new TreeSet<>();
        requiredProperties.forEach(property -> names.add(environmentName(property)));
        return names;
    }

    /** The topics of the service's Kafka channels, with the defaults of {@code ${VAR:default}} values. */
    Set<String> channelTopics() {
        Set<String> topics = new TreeSet<>();
        properties.forEach((key, value) -> {
            if (CHANNEL_TOPIC.matcher(key).matches()) {
                for (String topic : resolveDefaults(value).split(",")) {
                    topics.add(topic.trim());
                }
            }
        });
        return topics;
    }

    /** The prefix ({@code mp.messaging.incoming.NAME}) of the incoming channel that reads {@code topic}. */
    Optional<String> incomingChannelReading(String topic) {
        return properties.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("mp.messaging.incoming.") && CHANNEL_TOPIC.matcher(entry.getKey()).matches())
                .filter(entry -> List.of(resolveDefaults(entry.getValue()).split(",")).contains(topic))
                .map(entry -> entry.getKey().substring(0, entry.getKey().lastIndexOf('.')))
                .findFirst();
    }

    /** The service's own classes, indexed. */
    Index classes() {
        return jar.index();
    }

    /** The health endpoints of SmallRye Health, which the service serves when it has that extension. */
    Set<String> healthPaths() {
        if (!jar.read("META-INF/maven/org.xray/" + name + "/pom.xml").contains("<artifactId>quarkus-smallrye-health</artifactId>")) {
            return Set.of();
        }
        String root = "/" + property("quarkus.http.non-application-root-path").orElse("q") + "/"
                + property("quarkus.smallrye-health.root-path").orElse("health");
        return Set.of(root + "/live", root + "/ready", root + "/started");
    }

    private static String resolveDefaults(String value) {
        return value.replaceAll("\\$\\{[^:}]+:([^}]*)}", "$1");
    }

    private static Map<String, ServiceJar> load() {
        Map<String, ServiceJar> services = new TreeMap<>();
        try {
            for (URL resource : Collections.list(ServiceJar.class.getClassLoader().getResources("application.properties"))) {
                ClassIndex jar = new ClassIndex(resource, "application.properties");
                Map<String, String> properties = productionProperties(resource);
                String name = properties.get("quarkus.application.name");
                if (name != null) {
                    services.put(name, read(name, properties, jar));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return services;
    }

    private static ServiceJar read(String name, Map<String, String> properties, ClassIndex jar) {
        Set<String> readProperties = new TreeSet<>(properties.keySet());
        Set<String> required = new TreeSet<>();
        Set<String> referenced = new TreeSet<>();
        Index index = jar.index();
        for (AnnotationInstance mapping : index.getAnnotations(CONFIG_MAPPING)) {
            collect(index, mapping.target().asClass(), mapping.value("prefix").asString(), readProperties, required);
        }
        required.removeAll(properties.keySet());
        properties.values().forEach(value -> {
            Matcher reference = REFERENCE.matcher(value);
            while (reference.find()) {
                String referencedName = reference.group(1);
                if (referencedName.equals(referencedName.toUpperCase(Locale.ROOT))) {
                    referenced.add(referencedName);
                }
            }
        });
        return new ServiceJar(name, properties, readProperties, required, referenced, jar);
    }

    // The properties of a @ConfigMapping interface: a method per property (kebab-case, or @WithName), nested
    // interfaces as groups under the method's name (or the same prefix with @WithParentName).
    private static void collect(Index index, ClassInfo mapping, String prefix, Set<String> read, Set<String> required) {
        for (MethodInfo method : mapping.methods()) {
            if (!Modifier.isAbstract(method.flags()) || method.parametersCount() > 0) {
                continue;
            }
            String property = method.hasAnnotation(WITH_PARENT_NAME) ? prefix
                    : prefix + "." + Optional.ofNullable(method.annotation(WITH_NAME))
                            .map(withName -> withName.value().asString())
                            .orElse(kebabCase(method.name()));
            ClassInfo group = index.getClassByName(method.returnType().name());
            if (group != null && group.isInterface()) {
                collect(index, group, property, read, required);
                continue;
            }
            read.add(property);
            if (!method.hasAnnotation(WITH_DEFAULT) && !method.returnType().name().equals(OPTIONAL)) {
                required.add(property);
            }
        }
    }

    private static String kebabCase(String methodName) {
        return methodName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    // Keys without a profile, then %prod. keys over them: what a deployment runs with before its environment.
    private static Map<String, String> productionProperties(URL resource) throws IOException {
        Properties raw = new Properties();
        try (InputStream in = resource.openStream()) {
            raw.load(in);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> production = new LinkedHashMap<>();
        for (String key : raw.stringPropertyNames()) {
            Matcher profile = PROFILE.matcher(key);
            if (!profile.matches()) {
                properties.put(key, raw.getProperty(key));
            } else if (profile.group(1).equals("prod")) {
                production.put(profile.group(2), raw.getProperty(key));
            }
        }
        properties.putAll(production);
        return properties;
    }

    @Override
    public String toString() {
        return name;
    }
}
