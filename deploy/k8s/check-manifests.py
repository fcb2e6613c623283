#!/usr/bin/python3
"""Checks that the manifests in deploy/k8s parse and hold what README.md promises:
one ingest replica owning its volume, query replicas on the same volume read-only and on the
same node, gRPC probes on the served ports, a headless Service over the query replicas, and
both running as uid 10001. Used by deploy/test-containers.sh (no cluster needed)."""
import os
import sys

import yaml

folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
docs = {}
kustomization = None
for name in sorted(os.listdir(folder)):
    if not name.endswith(".yaml"):
        continue
    with open(os.path.join(folder, name)) as f:
        for doc in yaml.safe_load_all(f):
            if not doc:
                continue
            if doc["kind"] == "Kustomization":
                kustomization = doc
                continue
            docs[(doc["kind"], doc["metadata"]["name"])] = doc

problems = []


def check(condition, what):
    if not condition:
        problems.append(what)


def container_checks(pod, name, port, service):
    sc = pod["spec"].get("securityContext", {})
    check(sc.get("runAsNonRoot") is True and sc.get("runAsUser") == 10001, f"{name}: not uid 10001, non-root")
    (c,) = pod["spec"]["containers"]
    check([p["containerPort"] for p in c["ports"]] == [port], f"{name}: containerPort is not {port}")
    for probe in ("readinessProbe", "livenessProbe"):
        grpc = c.get(probe, {}).get("grpc")
        check(grpc is not None and grpc["port"] == port, f"{name}: {probe} is not gRPC on {port}")
    check(c["readinessProbe"]["grpc"].get("service") == service, f"{name}: readiness not for {service}")
    env = {e["name"]: e["value"] for e in c.get("env", [])}
    return c, env


sts = docs.get(("StatefulSet", "claims-ingest"))
dep = docs.get(("Deployment", "claims-query"))
check(sts is not None and dep is not None, "StatefulSet claims-ingest and Deployment claims-query exist")
if sts and dep:
    check(sts["spec"]["replicas"] == 1, "ingest: exactly one replica (sole writer)")
    c, env = container_checks(sts["spec"]["template"], "ingest", 50051, "claims.v1.IngestService")
    check(env.get("CLAIMS_LISTEN") == "0.0.0.0:50051", "ingest: CLAIMS_LISTEN 0.0.0.0:50051")
    (vct,) = sts["spec"]["volumeClaimTemplates"]
    mounts = {m["name"]: m["mountPath"] for m in c["volumeMounts"]}
    check(mounts.get(vct["metadata"]["name"]) == "/var/lib/claims", "ingest: volume at /var/lib/claims")
    check(env.get("CLAIMS_DB", "").startswith("/var/lib/claims/"), "ingest: CLAIMS_DB on the volume")
    claim = f'{vct["metadata"]["name"]}-{sts["metadata"]["name"]}-0'

    c, qenv = container_checks(dep["spec"]["template"], "query", 50052, "claims.v1.QueryService")
    check(qenv.get("CLAIMS_QUERY_LISTEN") == "0.0.0.0:50052", "query: CLAIMS_QUERY_LISTEN 0.0.0.0:50052")
    check(qenv.get("CLAIMS_DB") == env.get("CLAIMS_DB"), "query: the same CLAIMS_DB as ingest")
    check(qenv.get("CLAIMS_SECONDARY_DIR", "").startswith("/tmp/"), "query: private secondary dir")
    volumes = {v["name"]: v for v in dep["spec"]["template"]["spec"]["volumes"]}
    data = [v for v in volumes.values() if "persistentVolumeClaim" in v]
    check(len(data) == 1 and data[0]["persistentVolumeClaim"]["claimName"] == claim,
          f"query: mounts the ingest pod's claim {claim}")
    qmounts = {m["name"]: m for m in c["volumeMounts"]}
    check(data and qmounts.get(data[0]["name"], {}).get("readOnly") is True
          and qmounts[data[0]["name"]]["mountPath"] == "/var/lib/claims", "query: volume read-only at /var/lib/claims")
    terms = dep["spec"]["template"]["spec"]["affinity"]["podAffinity"][
        "requiredDuringSchedulingIgnoredDuringExecution"]
    ingest_labels = sts["spec"]["template"]["metadata"]["labels"]
    check(any(t["topologyKey"] == "kubernetes.io/hostname"
              and t["labelSelector"]["matchLabels"].items() <= ingest_labels.items() for t in terms),
          "query: required affinity to the ingest pod's node")

    for kind_name, pod_labels in ((("Service", "claims-query"), dep["spec"]["template"]["metadata"]["labels"]),
                                  (("Service", "claims-ingest"), ingest_labels)):
        svc = docs.get(kind_name)
        check(svc is not None, f"{kind_name} exists")
        if svc:
            check(svc["spec"].get("clusterIP") == "None", f"{kind_name[1]}: headless")
            check(svc["spec"]["selector"].items() <= pod_labels.items(), f"{kind_name[1]}: selector matches pods")
    check(sts["spec"]["serviceName"] == "claims-ingest", "ingest: governed by Service claims-ingest")

if kustomization:
    for r in kustomization["resources"]:
        check(os.path.exists(os.path.join(folder, r)), f"kustomization: {r} exists")

for p in problems:
    print("k8s manifests:", p, file=sys.stderr)
print(f"k8s manifests: {len(docs)} objects checked, {len(problems)} problems")
sys.exit(1 if problems else 0)
