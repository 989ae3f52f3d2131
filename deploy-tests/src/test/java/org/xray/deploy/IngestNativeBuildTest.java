package org.xray.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.CompositeIndex;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xray.contracts.kafka.Topics;

/**
 * ingest-service's native build, as far as it can be checked without GraalVM: the profile, and the reflection
 * registrations Jackson needs in a native executable.
 */
class IngestNativeBuildTest {

    private static final DotName REGISTER_FOR_REFLECTION =
            DotName.createSimple("io.quarkus.runtime.annotations.RegisterForReflection");
    // Jackson maps these by reflection: the contract events (EventJson), the bodies REST resources put in a Response,
    // and the web app's views.
    private static final List<String> MAPPED_PACKAGES = List.of("org.xray.contracts.events", "org.xray.ingest.rest",
            "org.xray.ingest.dashboard");

    @Test
    void nativeProfileBuildsAnExecutableInsteadOfAJar() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Repository.ROOT.resolve("ingest-service/pom.xml").toFile());
        NodeList profiles = pom.getElementsByTagName("profile");
        Element nativeProfile = null;
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (text(profile, "id").equals("native")) {
                nativeProfile = profile;
            }
        }
        assertThat(nativeProfile).as("profile native in ingest-service/pom.xml").isNotNull();
        assertThat(text(nativeProfile, "quarkus.native.enabled")).isEqualTo("true");
        assertThat(text(nativeProfile, "quarkus.package.jar.enabled")).isEqualTo("false");
    }

    @Test
    void everyTypeJacksonMapsIsRegisteredForReflection() {
        IndexView classes = CompositeIndex.create(ServiceJar.named("ingest-service").classes(),
                ClassIndex.containerOf(Topics.class).index());
        Set<DotName> registered = new HashSet<>();
        for (AnnotationInstance registration : classes.getAnnotations(REGISTER_FOR_REFLECTION)) {
            for (Type target : registration.value("targets").asClassArray()) {
                registered.add(target.name());
            }
        }
        // Nested types are registered with their enclosing type (ignoreNested = false, the default).
        for (ClassInfo type : classes.getKnownClasses()) {
            if (enclosedByOneOf(classes, type, registered)) {
                registered.add(type.name());
            }
        }
        Set<String> missing = new TreeSet<>();
        for (DotName mapped : mappedTypes(classes)) {
            if (!registered.contains(mapped)) {
                missing.add(mapped.toString());
            }
        }
        assertThat(missing).as("add them to org.xray.ingest.config.NativeImageReflection").isEmpty();
    }

    // The records of the mapped packages, and every type of ours their components refer to, transitively.
    private static Set<DotName> mappedTypes(IndexView classes) {
        Deque<DotName> pending = new ArrayDeque<>();
        for (ClassInfo type : classes.getKnownClasses()) {
            if (type.isRecord() && MAPPED_PACKAGES.contains(type.name().packagePrefix())) {
                pending.add(type.name());
            }
        }
        Set<DotName> mapped = new HashSet<>();
        while (!pending.isEmpty()) {
            DotName name = pending.pop();
            ClassInfo type = classes.getClassByName(name);
            if (!name.toString().startsWith("org.xray.") || type == null || !mapped.add(name)) {
                continue;
            }
            for (RecordComponentInfo component : type.recordComponents()) {
                addTypesOf(component.type(), pending);
            }
        }
        return mapped;
    }

    private static void addTypesOf(Type type, Deque<DotName> pending) {
        switch (type.kind()) {
            case CLASS -> pending.add(type.name());
            case PARAMETERIZED_TYPE -> {
                pending.add(type.name());
                type.asParameterizedType().arguments().forEach(argument -> addTypesOf(argument, pending));
            }
            case ARRAY -> addTypesOf(type.asArrayType().constituent(), pending);
            default -> {
            }
        }
    }

    private static boolean enclosedByOneOf(IndexView classes, ClassInfo type, Set<DotName> enclosing) {
        for (DotName outer = type.enclosingClass(); outer != null; ) {
            if (enclosing.contains(outer)) {
                return true;
            }
            ClassInfo outerType = classes.getClassByName(outer);
            outer = outerType == null ? null : outerType.enclosingClass();
        }
        return false;
    }

    private static String text(Element parent, String tag) {
        NodeList elements = parent.getElementsByTagName(tag);
        return elements.getLength() == 0 ? "" : elements.item(0).getTextContent().trim();
    }
}
