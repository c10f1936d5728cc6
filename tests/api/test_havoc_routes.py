"""HAVOC's own routes: the graph, tools, the DSL with located errors, a run's plots as SVG, health."""

from __future__ import annotations

import subprocess
import sys

import httpx

from graphs.srs import STAGES


def test_health_ready_openapi_and_docs(server):
    assert httpx.get(server.url + "/healthz").json() == {"status": "ok"}
    ready = httpx.get(server.url + "/readyz").json()
    assert ready["status"] == "ready" and ready["checks"]["checkpointer"] == "ok" and ready["checks"]["tools"] > 10
    paths = httpx.get(server.url + "/openapi.json").json()["paths"]
    for path in ("/v1/chat/completions", "/threads/{thread_id}/runs/stream", "/v1/dsl/run", "/v1/graph"):
        assert path in paths
    assert "swagger" in httpx.get(server.url + "/docs").text.lower()


def test_graph_has_every_stage_and_the_audit_loop(server):
    g = httpx.get(server.url + "/v1/graph").json()
    assert g["stages"] == list(STAGES)
    ids = {n["id"] for n in g["nodes"]}
    assert set(STAGES) <= ids
    edges = {(e["source"], e["target"]) for e in g["edges"]}
    assert ("AUDIT", "PLAN") in edges and ("AUDIT", "ANSWER") in edges and ("MODE", "GROUND") in edges
    assert g["mermaid"].startswith("---") or "graph" in g["mermaid"]
    assert "AUDIT" in g["mermaid"]


def test_tools_list_and_run_match_the_cli(server):
    names = [t["name"] for t in httpx.get(server.url + "/v1/tools").json()]
    assert "t_test" in names and "doe_design" in names
    args = '{"data": [1000000000000.4, 1000000000000.6], "confidence": 0.95}'
    http = httpx.post(server.url + "/v1/tools/describe", content=args,
                      headers={"content-type": "application/json"}).json()
    cli = subprocess.run([sys.executable, "-m", "havoc_agent.cli", "tool", "run", "describe", "--args", args],
                         capture_output=True, text=True, check=True)
    import json

    assert http == json.loads(cli.stdout)
    r = httpx.post(server.url + "/v1/tools/no_such_tool", json={})
    assert r.status_code == 404
    r = httpx.post(server.url + "/v1/tools/describe", json={"data": "abc"})
    assert r.status_code == 400 and "data" in r.json()["error"]["message"]


def test_dsl_check_and_run_with_line_and_column(server):
    ok = httpx.post(server.url + "/v1/dsl/check", json={"program": "describe [1, 2, 3]"}).json()
    assert ok["ok"] is True and ok["statements"] == 1
    bad = httpx.post(server.url + "/v1/dsl/check", json={"program": "describe [1, 2, 3]\nanalyze ]"})
    assert bad.status_code == 400
    err = bad.json()["error"]
    assert err["line"] == 2 and err["column"] == 9 and err["message"]
    ran = httpx.post(server.url + "/v1/dsl/run", json={"program": "describe [2, 4, 6]"}).json()
    assert ran["ok"] and ran["results"][0]["tool"] == "describe"
    assert float(ran["results"][0]["output"]["mean"]) == 4.0
    failed = httpx.post(server.url + "/v1/dsl/run",
                        json={"program": "describe [1, 2]\nnormality [1, 2]"})
    assert failed.status_code == 400
    assert len(failed.json()["results"]) == 1 and failed.json()["error"]["line"] == 2
    r = httpx.post(server.url + "/v1/dsl/run", json={"program": 5})
    assert r.status_code == 422 and r.json()["error"]["param"] == "program"


def test_run_plots_are_svg(server):
    tid = httpx.post(server.url + "/threads", json={}).json()["thread_id"]
    r = httpx.post(f"{server.url}/threads/{tid}/runs/wait", timeout=60, json={
        "assistant_id": "havoc",
        "input": {"question": "I-MR chart of 10.1 10.3 9.8 10.0 10.2 10.4 9.9 10.1 10.0 10.2"}})
    assert r.status_code == 200
    run_id = r.headers["content-location"].rsplit("/", 1)[1]
    plots = httpx.get(f"{server.url}/threads/{tid}/runs/{run_id}/plots").json()["plots"]
    assert plots and plots[0]["name"].endswith("control_chart")
    svg = httpx.get(server.url + plots[0]["url"])
    assert svg.headers["content-type"].startswith("image/svg+xml") and b"<svg" in svg.content[:500]
    assert httpx.get(f"{server.url}/threads/{tid}/runs/{run_id}/plots/99_capability.svg").status_code == 404


def test_root_serves_the_built_web_ui_when_there_is_one(server, server_factory, tmp_path_factory):
    assert httpx.get(server.url + "/").status_code == 404  # no dist in the test server's settings
    dist = tmp_path_factory.mktemp("dist")
    (dist / "index.html").write_text("<!doctype html><title>HAVOC</title>")
    (dist / "app.js").write_text("console.log('havoc')")
    web = server_factory({"HAVOC_WEB_DIST": str(dist)})
    assert "<title>HAVOC</title>" in httpx.get(web.url + "/").text
    assert httpx.get(web.url + "/app.js").headers["content-type"].startswith("text/javascript")
    assert httpx.get(web.url + "/v1/graph").status_code == 200  # the API still answers under it
