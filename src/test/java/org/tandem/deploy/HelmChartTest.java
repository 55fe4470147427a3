package org.tandem.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart, rendered by the real Helm library (helm-java) without a cluster, its objects read as typed
 * Kubernetes models (fabric8) and checked: defaults, the production values in helm/tandem/ci, schema violations,
 * secrets only referenced, probes, security context, HPA and PDB consistent with the replicas.
 */
class HelmChartTest {

    static final Path CHART = Path.of("helm/tandem");
    static final KubernetesSerialization YAML = new KubernetesSerialization();
    /** A hook annotation's key as the copy below names it. */
    static final String HOOK = "test.tandem/hook";
    /**
     * A copy of the chart whose hooks (the migrations Job) are ordinary objects: the Helm library's template, like
     * an install, leaves hooks out of the manifest it returns. Only the annotations' key differs ({@link #HOOK}).
     */
    static final Path HOOKS_SHOWN = hooksShown();

    private static Path hooksShown() {
        try {
            Path copy = Files.createTempDirectory(Path.of("target"), "chart");
            try (var files = Files.walk(CHART)) {
                for (Path file : files.toList()) {
                    Path to = copy.resolve(CHART.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.writeString(to, Files.readString(file).replace("helm.sh/hook", HOOK));
                    }
                }
            }
            return copy;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    record Rendered(List<HasMetadata> objects) {
        /** The release's one object of that type (hooks, which Helm runs before it, aside). */
        <T extends HasMetadata> T one(Class<T> type) {
            List<T> found = all(type).stream().filter(o -> !isHook(o)).toList();
            assertEquals(1, found.size(), "exactly one " + type.getSimpleName());
            return found.get(0);
        }

        /** The one hook of that type (the migrations Job and its NetworkPolicy). */
        <T extends HasMetadata> T hook(Class<T> type) {
            List<T> found = all(type).stream().filter(HelmChartTest::isHook).toList();
            assertEquals(1, found.size(), "exactly one hook " + type.getSimpleName());
            return found.get(0);
        }

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<String> kinds() {
            return objects.stream().map(HasMetadata::getKind).sorted().toList();
        }
    }

    static boolean isHook(HasMetadata o) {
        return o.getMetadata().getAnnotations() != null
                && o.getMetadata().getAnnotations().containsKey(HOOK);
    }

    static Rendered render(Path valuesFile, Map<String, String> set) {
        var template = new Helm(HOOKS_SHOWN).template().withName("tandem").withNamespace("clinic");
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        for (var entry : set.entrySet()) {
            template = template.set(entry.getKey(), entry.getValue());
        }
        String manifests = template.call();
        List<HasMetadata> objects = new ArrayList<>();
        for (String doc : manifests.split("(?m)^---\\s*$")) {
            if (doc.lines().anyMatch(l -> l.startsWith("kind:"))) {
                objects.add(YAML.unmarshal(doc, HasMetadata.class));
            }
        }
        return new Rendered(objects);
    }

    @Test
    void lintIsCleanInStrictMode() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
        // helm-java's lint takes no values file; the production values are rendered (and schema-checked) below.
    }

    @Test
    void defaultsRenderASecureAutoscaledDeployment() {
        Rendered r = render(null, Map.of());
        assertEquals(List.of("ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Job", "NetworkPolicy",
                "NetworkPolicy", "PodDisruptionBudget", "Service", "ServiceAccount"), r.kinds());
        Deployment deployment = r.one(Deployment.class);
        assertNull(deployment.getSpec().getReplicas(), "the HPA owns the replica count");
        var pod = deployment.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        assertEquals("ghcr.io/tandem/tandem:0.1.0", c.getImage(), "the tag defaults to appVersion");

        // Probes on the Quarkus health endpoints, on the management port.
        assertEquals("/q/health/started", c.getStartupProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath());
        for (var probe : List.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())) {
            assertEquals("management", probe.getHttpGet().getPort().getStrVal());
        }
        assertTrue(c.getPorts().stream().anyMatch(p -> p.getName().equals("management") && p.getContainerPort() == 9000));
        // The public Service carries the API alone: health, metrics and the OpenAPI document stay off it.
        assertEquals(List.of("http"), r.one(Service.class).getSpec().getPorts().stream()
                .map(p -> p.getTargetPort().getStrVal()).toList());

        // Non-root, read-only root filesystem, a writable /tmp, no service account token.
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertEquals(185L, pod.getSecurityContext().getRunAsUser());
        assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem());
        assertFalse(c.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop());
        assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")));
        assertTrue(pod.getVolumes().stream().anyMatch(v -> v.getName().equals("tmp") && v.getEmptyDir() != null));
        assertFalse(pod.getAutomountServiceAccountToken());
        assertEquals(2, pod.getTopologySpreadConstraints().size());

        // Graceful shutdown: the grace period exceeds the shutdown delay plus timeout.
        assertEquals(40L, pod.getTerminationGracePeriodSeconds());
        String properties = r.one(ConfigMap.class).getData().get("application.properties");
        assertTrue(properties.contains("quarkus.shutdown.delay=5s"), properties);
        assertTrue(properties.contains("quarkus.shutdown.timeout=20s"), properties);
        assertTrue(properties.contains("quarkus.flyway.migrate-at-start=false"), "the Job migrates: " + properties);
        assertFalse(properties.contains("trusted-proxies"), "no list: Quarkus believes every peer " + properties);

        // A config change rolls the pods.
        String checksum = deployment.getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
        assertNotNull(checksum);
        String other = render(null, Map.of("config.defaultClinicZone", "Europe/Berlin")).one(Deployment.class)
                .getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
        assertFalse(checksum.equals(other));

        HorizontalPodAutoscaler hpa = r.one(HorizontalPodAutoscaler.class);
        PodDisruptionBudget pdb = r.one(PodDisruptionBudget.class);
        assertTrue(pdb.getSpec().getMinAvailable().getIntVal() < hpa.getSpec().getMinReplicas());
        assertEquals(deployment.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
        assertEquals("tandem", r.one(ServiceAccount.class).getMetadata().getName());
    }

    @Test
    void secretsAreOnlyReferenced() throws Exception {
        Rendered r = render(null, Map.of());
        assertTrue(r.all(io.fabric8.kubernetes.api.model.Secret.class).isEmpty(), "the chart creates no Secret");
        Container c = r.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, EnvVar> env = c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
        for (String name : List.of("QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_OIDC_CREDENTIALS_SECRET", "TANDEM_NOTES_KEY")) {
            assertNull(env.get(name).getValue(), name + " has no literal value");
            assertNotNull(env.get(name).getValueFrom().getSecretKeyRef(), name + " comes from a Secret");
        }
        assertEquals("tandem-notes", env.get("TANDEM_NOTES_KEY").getValueFrom().getSecretKeyRef().getName());
        String properties = r.one(ConfigMap.class).getData().get("application.properties");
        assertFalse(properties.toLowerCase().contains("password="), properties);
        assertFalse(properties.contains("secret="), properties);
    }

    @Test
    void productionValuesRenderIngressTlsMonitoringAndTheirNumbers() {
        Rendered r = render(CHART.resolve("ci/production-values.yaml"), Map.of());
        Deployment deployment = r.one(Deployment.class);
        assertEquals("registry.example.org/clinic/tandem:0.1.0",
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        Ingress ingress = r.one(Ingress.class);
        assertEquals("nginx", ingress.getSpec().getIngressClassName());
        assertEquals("tandem-tls", ingress.getSpec().getTls().get(0).getSecretName());
        assertEquals("tandem.clinic.example.org", ingress.getSpec().getRules().get(0).getHost());
        assertEquals(3, r.one(HorizontalPodAutoscaler.class).getSpec().getMinReplicas());
        assertEquals(2, r.one(PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal());
        GenericKubernetesResource monitor = r.all(GenericKubernetesResource.class).stream()
                .filter(o -> o.getKind().equals("ServiceMonitor")).findFirst().orElseThrow();
        assertEquals("monitoring.coreos.com/v1", monitor.getApiVersion());
        // Prometheus scrapes the management port through a Service of its own, which the Ingress never names.
        assertEquals("management", ((Map<?, ?>) ((List<?>) ((Map<?, ?>) monitor.getAdditionalProperties()
                .get("spec")).get("endpoints")).get(0)).get("port"));
        Service management = r.all(Service.class).stream()
                .filter(svc -> svc.getMetadata().getName().endsWith("-management")).findFirst().orElseThrow();
        assertEquals(9000, management.getSpec().getPorts().get(0).getPort());
        assertEquals("http", ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService()
                .getPort().getName());
        var allowedIn = r.one(NetworkPolicy.class).getSpec().getIngress();
        assertEquals(List.of("http", "management"), allowedIn.stream().map(rule -> rule.getPorts().get(0).getPort()
                .getStrVal()).toList(), "the ingress controller reaches the API, Prometheus the management port");
        String properties = r.one(ConfigMap.class).getData().get("application.properties");
        assertTrue(properties.contains("tandem.public-base-url=https://tandem.clinic.example.org"), properties);
        assertTrue(properties.contains("tandem.rate-limit.capacity=1200"), properties);
        assertTrue(properties.contains("tandem.notes.key-id=k2"), properties);
        // The migrations Job runs Flyway as the schema's owner, whose password comes from a Secret of its own; the
        // app's pods have neither.
        Container migrations = r.hook(Job.class).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertTrue(migrations.getEnv().stream().anyMatch(e -> e.getName().equals("QUARKUS_FLYWAY_PASSWORD")
                && e.getValueFrom().getSecretKeyRef().getName().equals("tandem-database-migrator")));
        assertTrue(migrations.getEnv().stream().anyMatch(e -> e.getName().equals("QUARKUS_FLYWAY_USERNAME")
                && e.getValue().equals("tandem_migrator")));
        assertFalse(properties.contains("quarkus.flyway.username"), properties);
        assertTrue(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .noneMatch(e -> e.getName().startsWith("QUARKUS_FLYWAY")));
        assertTrue(properties.contains("quarkus.http.proxy.trusted-proxies=10.244.0.0/16\n"), properties);
        // An on-premises webhook receiver: allowed by the app and opened in the NetworkPolicy, nothing wider.
        assertTrue(properties.contains("tandem.webhooks.allowed-networks=10.30.0.0/24\n"), properties);
        assertTrue(r.one(NetworkPolicy.class).getSpec().getEgress().stream().flatMap(e -> e.getTo().stream())
                .anyMatch(to -> to.getIpBlock() != null && "10.30.0.0/24".equals(to.getIpBlock().getCidr())));
        // The clinic's SMTP server: settings in the ConfigMap, the password from a Secret, egress to it alone.
        assertTrue(properties.contains("tandem.mail.host=smtp.clinic.example.org\n"), properties);
        assertTrue(properties.contains("tandem.mail.start-tls=REQUIRED\n"), properties);
        assertTrue(properties.contains("tandem.notifications.app-url=https://app.clinic.example.org\n"), properties);
        assertTrue(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .anyMatch(e -> e.getName().equals("TANDEM_MAIL_PASSWORD")
                        && e.getValueFrom().getSecretKeyRef().getName().equals("tandem-smtp")));
        assertTrue(r.one(NetworkPolicy.class).getSpec().getEgress().stream().anyMatch(e -> e.getTo().stream()
                .anyMatch(to -> to.getIpBlock() != null && "203.0.113.25/32".equals(to.getIpBlock().getCidr()))
                && e.getPorts().get(0).getPort().getIntVal() == 587));
        assertEquals(80, r.all(Service.class).stream().filter(svc -> !svc.getMetadata().getName().endsWith("-management"))
                .findFirst().orElseThrow().getSpec().getPorts().get(0).getPort());
    }

    @Test
    void theNetworkPolicyOpensOnlyWhatTandemNeeds() {
        NetworkPolicy policy = render(null, Map.of()).one(NetworkPolicy.class);
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
        assertEquals(1, policy.getSpec().getIngress().size(), "only the ingress controller's namespace");
        assertEquals("ingress-nginx", policy.getSpec().getIngress().get(0).getFrom().get(0).getNamespaceSelector()
                .getMatchLabels().get("kubernetes.io/metadata.name"));
        var ports = policy.getSpec().getEgress().stream().flatMap(e -> e.getPorts().stream())
                .map(p -> p.getPort().getIntVal()).sorted().distinct().toList();
        assertEquals(List.of(53, 443, 3306), ports, "DNS, Keycloak and webhooks over https, the database");
        var webhooks = policy.getSpec().getEgress().get(3).getTo().get(0).getIpBlock();
        assertTrue(webhooks.getExcept().containsAll(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")));
    }

    @Test
    void fixedReplicasWithoutAutoscaling() {
        Rendered r = render(null, Map.of("autoscaling.enabled", "false", "replicaCount", "3"));
        assertEquals(3, r.one(Deployment.class).getSpec().getReplicas());
        assertTrue(r.all(HorizontalPodAutoscaler.class).isEmpty());
        // A PDB that could never allow an eviction is refused.
        Exception refused = assertThrows(Exception.class, () -> render(null,
                Map.of("autoscaling.enabled", "false", "replicaCount", "1")));
        assertTrue(refused.getMessage().contains("replicaCount must exceed podDisruptionBudget.minAvailable"),
                refused.getMessage());
    }

    @Test
    void theSchemaRejectsWrongTypes() {
        for (Map<String, String> wrong : List.of(Map.of("replicaCount", "two"),
                Map.of("autoscaling.enabled", "maybe"), Map.of("database.url", "mysql://no-jdbc"),
                Map.of("securityContext.readOnlyRootFilesystem", "false"), Map.of("unknownSetting", "x"),
                Map.of("image.pullPolicy", "Sometimes"),
                // a host name would cost Quarkus a DNS lookup on every request
                Map.of("ingress.trustedProxies[0]", "ingress-nginx.example"),
                Map.of("networkPolicy.webhooks.allowedNetworks[0]", "billing.clinic.local"))) {
            Exception e = assertThrows(Exception.class, () -> render(null, wrong), wrong.toString());
            assertTrue(e.getMessage().contains("schema"), e.getMessage());
        }
        Exception grace = assertThrows(Exception.class, () -> render(null,
                Map.of("shutdown.terminationGracePeriodSeconds", "10")));
        assertTrue(grace.getMessage().contains("terminationGracePeriodSeconds must exceed"), grace.getMessage());
    }

    /** The chart README documents every value, so it cannot silently fall behind values.yaml. */
    @Test
    void theReadmeDocumentsEveryValue() throws Exception {
        String readme = Files.readString(CHART.resolve("README.md"));
        List<String> missing = new ArrayList<>();
        Deque path = new Deque();
        for (String line : Files.readAllLines(CHART.resolve("values.yaml"))) {
            if (line.isBlank() || line.trim().startsWith("#") || line.trim().startsWith("-")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String key = line.trim().split(":")[0];
            path.at(indent / 2, key);
            if (!line.trim().endsWith(":") && !readme.contains("`" + path.joined() + "`")) {
                missing.add(path.joined());
            }
        }
        assertEquals(List.of(), missing);
    }

    /** The key path of the current values.yaml line. */
    private static final class Deque {
        private final String[] keys = new String[10];
        private int depth;

        void at(int level, String key) {
            keys[level] = key;
            depth = level + 1;
        }

        String joined() {
            return String.join(".", Arrays.copyOf(keys, depth));
        }
    }

    /**
     * Migrations as a Job: a pre-install/pre-upgrade hook running Flyway alone from the app's image, in a pod the
     * Service never selects, locked down like the app's, with a policy of its own; "startup" instead has no Job and
     * migrates in the pods.
     */
    @Test
    void migrationsRunOnceInAHookJobBeforeThePods() {
        Rendered r = render(null, Map.of());
        Job job = r.hook(Job.class);
        Map<String, String> annotations = job.getMetadata().getAnnotations();
        assertEquals("pre-install,pre-upgrade", annotations.get(HOOK));
        assertEquals("before-hook-creation,hook-succeeded", annotations.get(HOOK + "-delete-policy"));
        var pod = job.getSpec().getTemplate().getSpec();
        assertEquals("Never", pod.getRestartPolicy());
        Container c = pod.getContainers().get(0);
        assertEquals("ghcr.io/tandem/tandem:0.1.0", c.getImage(), "the app's own image");
        assertEquals("org.tandem.common.persistence.Migrate", c.getCommand().get(c.getCommand().size() - 1));
        assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem());
        assertFalse(c.getSecurityContext().getAllowPrivilegeEscalation());
        assertTrue(c.getEnv().stream().anyMatch(e -> e.getName().equals("QUARKUS_DATASOURCE_PASSWORD")
                && e.getValueFrom().getSecretKeyRef() != null), "without a migration user: the app's own");
        Map<String, String> selector = r.one(Service.class).getSpec().getSelector();
        assertFalse(job.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                .containsAll(selector.entrySet()), "the Service never sends a request to the Job's pod");
        NetworkPolicy policy = r.hook(NetworkPolicy.class);
        assertEquals(job.getSpec().getTemplate().getMetadata().getLabels(), policy.getSpec().getPodSelector()
                .getMatchLabels());
        assertTrue(policy.getSpec().getIngress().isEmpty(), "nothing reaches it");
        assertEquals("-1", policy.getMetadata().getAnnotations().get(HOOK + "-weight"), "before the Job");

        Rendered startup = render(null, Map.of("migrations.strategy", "startup"));
        assertTrue(startup.all(Job.class).isEmpty());
        assertTrue(startup.one(ConfigMap.class).getData().get("application.properties")
                .contains("quarkus.flyway.migrate-at-start=true"));
    }
}
