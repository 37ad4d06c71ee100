package org.shequ.k8s;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * Decides, as a cluster's network plugin would, whether the rendered NetworkPolicies let one endpoint open a TCP
 * connection to another: the source's egress must allow it (no policy selects the source for Egress, or one of those
 * that do has a rule matching the destination and port), and so must the destination's ingress. The policies are
 * those of one namespace; peers are matched by pod and namespace labels, and address blocks by the destination's or
 * source's address when it is outside the pod network (as the API says ipBlock is meant for).
 */
final class NetworkPolicyWalk {

    /** A pod (with its namespace's labels) or an address outside the cluster (no labels, {@code inCluster} false). */
    record Endpoint(String name, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels,
                    String address, boolean inCluster) {

        static Endpoint pod(String name, String namespace, Map<String, String> labels, String address) {
            return new Endpoint(name, namespace, Map.of("kubernetes.io/metadata.name", namespace), labels, address,
                    true);
        }

        static Endpoint outside(String name, String address) {
            return new Endpoint(name, "", Map.of(), Map.of(), address, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final String namespace;
    private final List<NetworkPolicy> policies;

    NetworkPolicyWalk(String namespace, List<NetworkPolicy> policies) {
        this.namespace = namespace;
        this.policies = policies;
    }

    boolean allows(Endpoint from, Endpoint to, int port) {
        return egressAllows(from, to, port) && ingressAllows(from, to, port);
    }

    private boolean egressAllows(Endpoint from, Endpoint to, int port) {
        if (!from.inCluster() || !from.namespace().equals(namespace)) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        return selecting.isEmpty() || selecting.stream().flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> ports(rule.getPorts(), port) && peers(rule.getTo(), to));
    }

    private boolean ingressAllows(Endpoint from, Endpoint to, int port) {
        if (!to.inCluster() || !to.namespace().equals(namespace)) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        return selecting.isEmpty() || selecting.stream().flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(rule -> ports(rule.getPorts(), port) && peers(rule.getFrom(), from));
    }

    private List<NetworkPolicy> selecting(Endpoint pod, String type) {
        return policies.stream().filter(p -> policyTypes(p).contains(type))
                .filter(p -> matches(p.getSpec().getPodSelector(), pod.labels())).toList();
    }

    /** The API's default: Ingress always, Egress when the policy has egress rules. */
    private static List<String> policyTypes(NetworkPolicy policy) {
        List<String> declared = policy.getSpec().getPolicyTypes();
        if (declared != null && !declared.isEmpty()) {
            return declared;
        }
        return policy.getSpec().getEgress().isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    private static boolean ports(List<NetworkPolicyPort> ports, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> {
            if (p.getProtocol() != null && !p.getProtocol().equals("TCP")) {
                return false;
            }
            if (p.getPort() == null) {
                return true;
            }
            if (p.getPort().getIntVal() == null) {
                throw new AssertionError("Named port " + p.getPort().getStrVal() + ": the walk knows numbers only");
            }
            int first = p.getPort().getIntVal();
            int last = p.getEndPort() == null ? first : p.getEndPort();
            return port >= first && port <= last;
        });
    }

    private boolean peers(List<NetworkPolicyPeer> peers, Endpoint other) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> peer(peer, other));
    }

    private boolean peer(NetworkPolicyPeer peer, Endpoint other) {
        if (peer.getIpBlock() != null) {
            return !other.inCluster() && inBlock(peer.getIpBlock(), other.address());
        }
        if (!other.inCluster()) {
            return false;
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? other.namespace().equals(namespace)
                : matches(peer.getNamespaceSelector(), other.namespaceLabels());
        return namespaceMatches && (peer.getPodSelector() == null || matches(peer.getPodSelector(), other.labels()));
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> wanted : selector.getMatchLabels().entrySet()) {
                if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                String value = labels.get(requirement.getKey());
                boolean holds = switch (requirement.getOperator()) {
                    case "In" -> value != null && requirement.getValues().contains(value);
                    case "NotIn" -> value == null || !requirement.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new AssertionError("Unknown operator " + requirement.getOperator());
                };
                if (!holds) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean inBlock(IPBlock block, String address) {
        if (!inCidr(block.getCidr(), address)) {
            return false;
        }
        return block.getExcept() == null || block.getExcept().stream().noneMatch(except -> inCidr(except, address));
    }

    static boolean inCidr(String cidr, String address) {
        try {
            String[] parts = cidr.split("/");
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] candidate = InetAddress.getByName(address).getAddress();
            if (network.length != candidate.length) {
                return false;
            }
            int bits = Integer.parseInt(parts[1]);
            int width = network.length * 8;
            if (bits > width) {
                return false;
            }
            BigInteger mask = bits == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftLeft(width - bits);
            return new BigInteger(1, network).and(mask).equals(new BigInteger(1, candidate).and(mask));
        } catch (UnknownHostException e) {
            throw new AssertionError("Not an address: " + cidr + " / " + address, e);
        }
    }
}
