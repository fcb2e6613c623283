#!/usr/bin/python3
"""A client in another language: Debian's python3-grpcio against the real servers.

Stubs are generated at test time from proto/ (our claims.v1 contract and the google.rpc
error details it sends, and grpc-proto's health and reflection contracts) with protoc and
grpc_python_plugin. Usage:
  test_python_client.py CLAIMS_INGEST CLAIMS_QUERY PROTO_DIR
"""
import importlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

INGEST_BIN, QUERY_BIN, PROTO_DIR = sys.argv[1:4]
del sys.argv[1:4]
GRPC_PROTO_DIR = "/usr/share/grpc-proto"
WORK = tempfile.mkdtemp(prefix="claims-python-")


def generate_stubs():
    out = os.path.join(WORK, "gen")
    os.makedirs(out)
    protos = ["claims/v1/claims.proto", "claims/v1/ingest.proto", "claims/v1/query.proto",
              "google/rpc/status.proto", "google/rpc/error_details.proto"]
    # grpc-proto's files would generate modules under "grpc.", which the grpc package
    # itself shadows: copy them under "grpcstd/" (the proto packages stay grpc.*).
    extra = os.path.join(WORK, "extra")
    grpc_protos = []
    for rel in ("health/v1/health.proto", "reflection/v1alpha/reflection.proto"):
        dest = os.path.join(extra, "grpcstd", rel)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copy(os.path.join(GRPC_PROTO_DIR, "grpc", rel), dest)
        grpc_protos.append(os.path.join("grpcstd", rel))
    subprocess.run(
        ["protoc", f"--proto_path={PROTO_DIR}", f"--proto_path={extra}",
         "--proto_path=/usr/include", f"--python_out={out}", f"--grpc_out={out}",
         "--plugin=protoc-gen-grpc=/usr/bin/grpc_python_plugin"] + protos + grpc_protos,
        check=True)
    sys.path.insert(0, out)


generate_stubs()
import grpc  # noqa: E402

claims_pb2 = importlib.import_module("claims.v1.claims_pb2")
ingest_pb2 = importlib.import_module("claims.v1.ingest_pb2")
ingest_grpc = importlib.import_module("claims.v1.ingest_pb2_grpc")
query_pb2 = importlib.import_module("claims.v1.query_pb2")
query_grpc = importlib.import_module("claims.v1.query_pb2_grpc")
health_pb2 = importlib.import_module("grpcstd.health.v1.health_pb2")
health_grpc = importlib.import_module("grpcstd.health.v1.health_pb2_grpc")
reflection_pb2 = importlib.import_module("grpcstd.reflection.v1alpha.reflection_pb2")
reflection_grpc = importlib.import_module("grpcstd.reflection.v1alpha.reflection_pb2_grpc")
# google.rpc beside protobuf's google.protobuf: "google" is a namespace package in Debian.
status_pb2 = importlib.import_module("google.rpc.status_pb2")
error_details_pb2 = importlib.import_module("google.rpc.error_details_pb2")

ARTICLE = (
    "Hackney councillors debated the NHS Federated Data Platform on Tuesday.\n\n"
    "\"Residents deserve to know who holds their records,\" said Marion Macalpine, a "
    "spokesperson for the Hackney Coalition Against Palantir.\n\n"
    "NHS England said the platform complies with data protection law.\n")


def start(binary, *args):
    proc = subprocess.Popen([binary, "--listen=127.0.0.1:0", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    match = re.search(r" listening on (\S+)", line)
    if not match:
        proc.kill()
        raise RuntimeError(f"{binary} did not start: {line} {proc.stderr.read()}")
    return proc, match.group(1)


def error_info(error):
    """The google.rpc.ErrorInfo in an RpcError's grpc-status-details-bin trailer."""
    details = [value for key, value in error.trailing_metadata() or ()
               if key == "grpc-status-details-bin"]
    if len(details) != 1:
        raise AssertionError(f"no grpc-status-details-bin trailer: {error.trailing_metadata()}")
    status = status_pb2.Status.FromString(details[0])
    if status.code != error.code().value[0] or status.message != error.details():
        raise AssertionError(f"details disagree with the status: {status}")
    for detail in status.details:
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            return info
    raise AssertionError(f"no ErrorInfo in {status}")


def eventually(check, seconds=5.0):
    deadline = time.time() + seconds
    while time.time() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.05)
    return check()


class PythonClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        db = os.path.join(WORK, "db")
        cls.ingest_proc, cls.ingest_addr = start(INGEST_BIN, f"--db={db}")
        cls.query_proc, cls.query_addr = start(
            QUERY_BIN, f"--db={db}", f"--secondary_dir={os.path.join(WORK, 'sec')}")
        cls.ingest = ingest_grpc.IngestServiceStub(grpc.insecure_channel(cls.ingest_addr))
        cls.query = query_grpc.QueryServiceStub(grpc.insecure_channel(cls.query_addr))

    @classmethod
    def tearDownClass(cls):
        for proc in (cls.ingest_proc, cls.query_proc):
            proc.terminate()
            proc.wait(timeout=15)
        shutil.rmtree(WORK, ignore_errors=True)

    def ingest_sample(self):
        request = ingest_pb2.IngestArticleRequest(
            url="https://news.example.org/python/fdp", title="FDP debate",
            publisher="Example News", text=ARTICLE)
        request.published_time.FromJsonString("2026-01-22T09:00:00Z")
        return self.ingest.IngestArticle(request, timeout=10)

    def test_ingest_then_query_by_speaker_and_organisation(self):
        response = self.ingest_sample()
        self.assertGreaterEqual(len(response.claims), 2)

        def by_speaker():
            request = query_pb2.ListClaimsRequest(
                filter=claims_pb2.ClaimFilter(speakers=["MARION MACALPINE"]))
            return self.query.ListClaims(request, timeout=10).claims

        claims = eventually(by_speaker)
        self.assertEqual(len(claims), 1)
        self.assertEqual(claims[0].text, "Residents deserve to know who holds their records")
        self.assertEqual(claims[0].kind, claims_pb2.Claim.DIRECT_QUOTE)
        self.assertEqual(claims[0].speaker.name, "Marion Macalpine")
        start, end = claims[0].content_spans[0].start, claims[0].content_spans[0].end
        # Code-point offsets; a whole quotation's span keeps its quotation marks, the text
        # shows the words without them.
        self.assertIn(claims[0].text, ARTICLE[start:end])
        self.assertLessEqual(len(ARTICLE[start:end]) - len(claims[0].text), 3)

        request = query_pb2.ListClaimsRequest(
            filter=claims_pb2.ClaimFilter(organisations=["nhs-england"]))
        names = [c.speaker.name for c in self.query.ListClaims(request, timeout=10).claims]
        self.assertIn("NHS England", names)

    def test_stream_with_the_basic_view_acknowledges_in_order(self):
        def requests():
            for i in range(5):
                r = ingest_pb2.IngestArticleRequest(
                    url=f"https://news.example.org/python/stream/{i}", text=ARTICLE,
                    response_view=ingest_pb2.INGEST_RESPONSE_VIEW_BASIC)
                r.published_time.FromJsonString("2026-01-23T09:00:00Z")
                yield r
        results = list(self.ingest.IngestArticles(requests(), timeout=30))
        self.assertEqual([r.index for r in results], list(range(5)))
        for i, r in enumerate(results):
            self.assertEqual(r.code, 0, r.message)
            self.assertEqual(r.result.article.url, f"https://news.example.org/python/stream/{i}")
            self.assertEqual(r.result.article.text, "")
            self.assertEqual(len(r.result.claims), 0)
            self.assertGreaterEqual(r.result.article.claim_count, 2)

    def test_relative_dates_count_from_the_local_day_the_request_gives(self):
        # 23:30 UTC on Wednesday 4 March is 00:30 on Thursday 5 March in Paris.
        request = ingest_pb2.IngestArticleRequest(
            url="https://news.example.org/python/offset",
            text="Alice Brown said yesterday that the plan was dead.",
            published_utc_offset_seconds=3600)
        request.published_time.FromJsonString("2026-03-04T23:30:00Z")
        claims = self.ingest.IngestArticle(request, timeout=10).claims
        self.assertEqual(len(claims), 1)
        self.assertEqual(claims[0].claim_time.ToJsonString(), "2026-03-04T00:00:00Z")
        # "yesterday" is a date the text states, not the publication day standing in.
        self.assertEqual(claims[0].claim_time_source, claims_pb2.Claim.STATED)
        self.assertTrue(request.HasField("published_utc_offset_seconds"))

        request.published_utc_offset_seconds = 19 * 3600
        with self.assertRaises(grpc.RpcError) as caught:
            self.ingest.IngestArticle(request, timeout=10)
        self.assertEqual(caught.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
        self.assertEqual(error_info(caught.exception).metadata["field"], "published_utc_offset_seconds")

    def test_errors_carry_codes_and_fields(self):
        with self.assertRaises(grpc.RpcError) as caught:
            self.ingest.IngestArticle(ingest_pb2.IngestArticleRequest(text=""), timeout=10)
        self.assertEqual(caught.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
        self.assertIn("text", caught.exception.details())
        info = error_info(caught.exception)
        self.assertEqual(info.reason, "EMPTY_ARTICLE")
        self.assertEqual(info.domain, "claims.v1")
        self.assertEqual(info.metadata["field"], "text")

        def bad_page_size():
            try:
                self.query.ListClaims(query_pb2.ListClaimsRequest(page_size=-5), timeout=10)
            except grpc.RpcError as e:
                return e if e.code() != grpc.StatusCode.UNAVAILABLE else None
            return None

        error = eventually(bad_page_size)
        self.assertIsNotNone(error)
        self.assertEqual(error.code(), grpc.StatusCode.INVALID_ARGUMENT)
        self.assertIn("page_size", error.details())
        self.assertEqual(error_info(error).reason, "INVALID_PAGE_SIZE")
        self.assertEqual(error_info(error).metadata["field"], "page_size")

        with self.assertRaises(grpc.RpcError) as caught:
            self.query.ListClaims(query_pb2.ListClaimsRequest(
                filter_expression='topic:"health" AND colour = red'), timeout=10)
        self.assertEqual(caught.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
        info = error_info(caught.exception)
        self.assertEqual(info.reason, "INVALID_FILTER_EXPRESSION")
        self.assertEqual(dict(info.metadata),
                         {"field": "filter_expression", "position": "19"})

        with self.assertRaises(grpc.RpcError) as caught:
            self.query.GetClaim(query_pb2.GetClaimRequest(id="no-such-claim"), timeout=10)
        self.assertEqual(caught.exception.code(), grpc.StatusCode.NOT_FOUND)
        self.assertEqual(error_info(caught.exception).reason, "CLAIM_NOT_FOUND")

    def test_health_and_reflection(self):
        for addr, service in ((self.ingest_addr, "claims.v1.IngestService"),
                              (self.query_addr, "claims.v1.QueryService")):
            stub = health_grpc.HealthStub(grpc.insecure_channel(addr))
            status = eventually(lambda: stub.Check(
                health_pb2.HealthCheckRequest(service=service), timeout=10).status ==
                health_pb2.HealthCheckResponse.SERVING)
            self.assertTrue(status, service)
            reflection = reflection_grpc.ServerReflectionStub(grpc.insecure_channel(addr))
            responses = reflection.ServerReflectionInfo(
                iter([reflection_pb2.ServerReflectionRequest(list_services="")]), timeout=10)
            names = [s.name for r in responses for s in r.list_services_response.service]
            self.assertIn(service, names)


if __name__ == "__main__":
    unittest.main(verbosity=2)
