"""CSV uploads over real HTTP: a key uploads, its programs and questions read the file by name, and
nothing else on the server is readable: absolute paths, `..`, `~`, symlinks, another key's uploads."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import httpx
import openai
import pytest

from api.security import owner_of

REPO = Path(__file__).resolve().parents[2]
ALICE, BOB = "key-alice", "key-bob"
MINE = b"batch,y\n1,10.2\n2,9.9\n3,10.4\n4,10.1\n5,9.8\n"  # mean 10.08
OPERATOR = b"batch,y\n1,1\n2,2\n3,3\n"  # mean 2
DESCRIBE = 'describe from "{}" column y'


@pytest.fixture(scope="module")
def secrets(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("secrets")
    (folder / "secret.csv").write_text("y\n111\n222\n")
    return folder


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, secrets) -> Path:
    folder = tmp_path_factory.mktemp("operator_data")
    (folder / "shared.csv").write_bytes(OPERATOR)
    (folder / "mine.csv").write_bytes(OPERATOR)  # an upload of the same name wins
    (folder / "plant").mkdir()
    (folder / "plant" / "line1.csv").write_bytes(OPERATOR)
    (folder / "escape.csv").symlink_to(secrets / "secret.csv")
    return folder


@pytest.fixture(scope="module")
def srv(server_factory, data_dir):
    return server_factory({"HAVOC_API_KEYS": f"{ALICE},{BOB}", "HAVOC_MAX_FILE_MB": "1",
                           "HAVOC_DATA_DIR": str(data_dir)})


def as_key(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def upload(srv, key: str, filename: str, content: bytes, name: str | None = None) -> httpx.Response:
    form = {"name": name} if name is not None else {}
    return httpx.post(srv.url + "/v1/files", headers=as_key(key), files={"file": (filename, content)}, data=form,
                      timeout=60)


def run(srv, key: str, program: str, route: str = "/v1/dsl/run") -> httpx.Response:
    return httpx.post(srv.url + route, headers=as_key(key), json={"program": program}, timeout=120)


def mean_of(response: httpx.Response) -> float:
    assert response.status_code == 200, response.text
    return response.json()["results"][0]["output"]["mean"]


def files_dir(srv, key: str) -> Path:
    return srv.home / "uploads" / owner_of(key) / "files"


def test_upload_list_and_delete_belong_to_the_key(srv):
    r = upload(srv, ALICE, "mine.csv", MINE)
    assert r.status_code == 201, r.text
    info = r.json()
    assert info["name"] == "mine.csv" and info["bytes"] == len(MINE)
    assert info["sha256"] == hashlib.sha256(MINE).hexdigest() and info["uploaded_at"].endswith("Z")
    listed = httpx.get(srv.url + "/v1/files", headers=as_key(ALICE)).json()["data"]
    assert [f["name"] for f in listed] == ["mine.csv"] and listed[0]["sha256"] == info["sha256"]
    assert httpx.get(srv.url + "/v1/files", headers=as_key(BOB)).json()["data"] == []
    assert httpx.get(srv.url + "/v1/files").status_code == 401
    assert httpx.delete(srv.url + "/v1/files/mine.csv", headers=as_key(BOB)).status_code == 404
    assert httpx.delete(srv.url + "/v1/files/mine.csv", headers=as_key(ALICE)).status_code == 204
    assert httpx.get(srv.url + "/v1/files", headers=as_key(ALICE)).json()["data"] == []
    r = httpx.delete(srv.url + "/v1/files/mine.csv", headers=as_key(ALICE))
    assert r.status_code == 404 and r.json()["error"]["code"] == "file_not_found"
    # a `name` field names the upload; the same name again replaces it
    assert upload(srv, ALICE, "whatever.csv", OPERATOR, name="renamed.csv").json()["name"] == "renamed.csv"
    again = upload(srv, ALICE, "renamed.csv", MINE)
    assert again.status_code == 201 and again.json()["sha256"] == hashlib.sha256(MINE).hexdigest()
    assert mean_of(run(srv, ALICE, DESCRIBE.format("renamed.csv"))) == pytest.approx(10.08)


def test_a_program_reads_the_callers_upload(srv):
    assert upload(srv, ALICE, "mine.csv", MINE).status_code == 201
    assert mean_of(run(srv, ALICE, DESCRIBE.format("mine.csv"))) == pytest.approx(10.08)
    check = run(srv, ALICE, DESCRIBE.format("mine.csv"), "/v1/dsl/check")
    assert check.status_code == 200 and check.json()["ok"] is True
    tool = httpx.post(srv.url + "/v1/tools/dsl_run", headers=as_key(ALICE),
                      json={"program": DESCRIBE.format("mine.csv")}, timeout=120)
    assert tool.status_code == 200 and tool.json()["results"][0]["output"]["mean"] == pytest.approx(10.08)


def test_a_question_reads_the_callers_upload_through_the_openai_sdk(srv):
    assert upload(srv, ALICE, "mine.csv", MINE).status_code == 201
    client = openai.OpenAI(base_url=srv.url + "/v1", api_key=ALICE, max_retries=0)
    reply = client.chat.completions.create(
        model="havoc-agent",
        messages=[{"role": "user", "content": f"```havoc\n{DESCRIBE.format('mine.csv')}\n```"}])
    content = reply.choices[0].message.content
    assert "mean 10.08" in content, content
    # the same question from another key: that key has no such upload
    other = openai.OpenAI(base_url=srv.url + "/v1", api_key=BOB, max_retries=0)
    reply = other.chat.completions.create(
        model="havoc-agent",
        messages=[{"role": "user", "content": f"```havoc\n{DESCRIBE.format('mine.csv')}\n```"}])
    content = reply.choices[0].message.content
    assert "10.08" not in content and "mean 2" in content, content  # bob reads the operator's mine.csv


def test_the_operator_data_directory_and_which_wins(srv):
    assert mean_of(run(srv, BOB, DESCRIBE.format("shared.csv"))) == pytest.approx(2)
    assert mean_of(run(srv, BOB, DESCRIBE.format("plant/line1.csv"))) == pytest.approx(2)
    assert mean_of(run(srv, BOB, DESCRIBE.format("mine.csv"))) == pytest.approx(2)
    assert upload(srv, BOB, "mine.csv", MINE).status_code == 201
    assert mean_of(run(srv, BOB, DESCRIBE.format("mine.csv"))) == pytest.approx(10.08)  # the upload wins
    assert httpx.delete(srv.url + "/v1/files/mine.csv", headers=as_key(BOB)).status_code == 204
    assert mean_of(run(srv, BOB, DESCRIBE.format("mine.csv"))) == pytest.approx(2)


def escapes(srv, data_dir: Path, secrets: Path) -> list[str]:
    """Every way out of the caller's data that a program might try."""
    assert upload(srv, BOB, "bobs.csv", MINE).status_code == 201
    assert upload(srv, ALICE, "mine.csv", MINE).status_code == 201
    planted = files_dir(srv, ALICE) / "planted.csv"
    planted.unlink(missing_ok=True)
    planted.symlink_to(secrets / "secret.csv")
    return [str(secrets / "secret.csv"),  # absolute
            str(data_dir / "shared.csv"),  # absolute, even into the data directory
            "/etc/passwd",
            "../../../../etc/passwd",
            "sub/../../secret.csv",
            f"../{owner_of(BOB)}/files/bobs.csv",  # another key's upload, by path
            "~/.bashrc",
            "~root/.profile",
            "planted.csv",  # a symlink planted in the upload directory, pointing out
            "escape.csv"]  # a symlink in the operator's data directory, pointing out


def test_every_escape_is_refused_with_line_and_column(srv, data_dir, secrets):
    for name in escapes(srv, data_dir, secrets):
        program = f"describe [1, 2, 3]\ndescribe from \"{name}\" column y"
        for route in ("/v1/dsl/run", "/v1/dsl/check", "/v1/tools/dsl_run"):
            r = run(srv, ALICE, program, route)
            assert r.status_code == 400, (route, name, r.text)
            error = r.json()["error"]
            assert error["code"] == "file_access_refused", (route, name, r.text)
            assert "line 2, column 10" in error["message"] and name[:40] in error["message"], error
            assert "111" not in r.text and str(secrets) not in r.text.replace(name, "")
        question = f"please run this\n```havoc\n{program}\n```"
        r = httpx.post(srv.url + "/runs/wait", headers=as_key(ALICE), timeout=120,
                       json={"assistant_id": "havoc", "input": {"question": question}})
        assert r.status_code == 400 and r.json()["error"]["code"] == "file_access_refused", r.text
        assert r.json()["error"]["param"] == "input.question"
        with pytest.raises(openai.BadRequestError) as refused:
            openai.OpenAI(base_url=srv.url + "/v1", api_key=ALICE, max_retries=0).chat.completions.create(
                model="havoc-agent", messages=[{"role": "user", "content": question}])
        assert refused.value.code == "file_access_refused" and "line 2, column 10" in str(refused.value)


def test_another_keys_upload_by_name_is_simply_not_there(srv):
    assert upload(srv, BOB, "bobs.csv", MINE).status_code == 201
    for route in ("/v1/dsl/run", "/v1/dsl/check"):
        r = run(srv, ALICE, DESCRIBE.format("bobs.csv"), route)
        assert r.status_code == 400, r.text
        error = r.json()["error"]
        assert (error["line"], error["column"]) == (1, 10) and error["message"] == "no such file: bobs.csv"


def test_a_planted_symlink_is_not_listed_and_not_deletable(srv, secrets):
    folder = files_dir(srv, ALICE)
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / "link.csv"
    link.unlink(missing_ok=True)
    link.symlink_to(secrets / "secret.csv")
    names = [f["name"] for f in httpx.get(srv.url + "/v1/files", headers=as_key(ALICE)).json()["data"]]
    assert "link.csv" not in names
    assert httpx.delete(srv.url + "/v1/files/link.csv", headers=as_key(ALICE)).status_code == 404
    assert (secrets / "secret.csv").exists()


@pytest.mark.parametrize("name", ["../x.csv", "a/b.csv", "a\\b.csv", ".hidden.csv", "x..csv", "data.exe",
                                  "data", "x" * 200 + ".csv", "spa ce.csv", "nul\x00.csv"])
def test_bad_names_are_refused(srv, name):
    r = upload(srv, ALICE, "fine.csv", MINE, name=name)
    assert r.status_code == 400, (name, r.text)
    assert r.json()["error"]["code"] == "invalid_file_name" and r.json()["error"]["param"] == "name"
    assert not (files_dir(srv, ALICE) / "fine.csv").exists()


def test_a_bad_file_name_from_the_client_is_refused(srv):
    r = upload(srv, ALICE, "../../evil.csv", MINE)
    assert r.status_code == 400 and r.json()["error"]["param"] == "file.filename", r.text


def nothing_half_written(srv, key: str) -> None:
    base = srv.home / "uploads" / owner_of(key)
    assert list((base / "tmp").iterdir()) == []
    assert "bad.csv" not in [p.name for p in (base / "files").iterdir()]


def test_content_that_is_not_utf8_csv_is_refused(srv):
    cases = {b"y\n1\n\xff\xfe\n": "not_utf8", b"y\n1\n\xe2\x82": "not_utf8", b"y\n1\x002\n": "not_csv",
             b"": "not_csv", b"\n1\n": "not_csv", b'y,z\n"1,2\n': "not_csv"}
    for content, code in cases.items():
        r = upload(srv, ALICE, "bad.csv", content)
        assert r.status_code == 400, (content, r.text)
        assert r.json()["error"]["code"] == code and r.json()["error"]["param"] == "file", (content, r.text)
        nothing_half_written(srv, ALICE)
    bom = upload(srv, ALICE, "bom.csv", b"\xef\xbb\xbfbatch,y\n1,4\n2,6\n")  # a BOM is UTF-8 too
    assert bom.status_code == 201 and mean_of(run(srv, ALICE, DESCRIBE.format("bom.csv"))) == pytest.approx(5)


def test_an_oversize_upload_is_413_and_leaves_nothing(srv):
    big = b"y\n" + b"1\n" * (2**19)  # just over 1 MiB
    r = upload(srv, ALICE, "bad.csv", big)
    assert r.status_code == 413, r.text
    error = r.json()["error"]
    assert error["code"] == "file_too_large" and "1 MiB" in error["message"] and "HAVOC_MAX_FILE_MB" in error["message"]
    nothing_half_written(srv, ALICE)
    # sent without a Content-Length (chunked): refused the same way while it streams
    boundary = "havocboundary"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bad.csv\"\r\n"
            "Content-Type: text/csv\r\n\r\n").encode()

    def chunks():
        yield head
        for _ in range(40):
            yield b"1\n" * 32768
        yield f"\r\n--{boundary}--\r\n".encode()

    r = httpx.post(srv.url + "/v1/files", content=chunks(), timeout=60,
                   headers={**as_key(ALICE), "content-type": f"multipart/form-data; boundary={boundary}"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "file_too_large", r.text
    nothing_half_written(srv, ALICE)
    # exactly at the limit is fine
    at_limit = b"y\n" + b"7\n" * (2**19 - 1)
    assert len(at_limit) == 2**20
    assert upload(srv, ALICE, "big.csv", at_limit).status_code == 201


def test_serve_refuses_a_data_dir_that_is_not_a_directory(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO), "HAVOC_HOME": str(tmp_path),
           "HAVOC_DATA_DIR": str(tmp_path / "missing")}
    p = subprocess.run([sys.executable, "-m", "havoc_agent.cli", "serve", "--port", "1"], env=env,
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 2 and "HAVOC_DATA_DIR" in p.stderr and "Traceback" not in p.stderr, p.stderr
