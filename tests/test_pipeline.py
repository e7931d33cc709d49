import json
from importlib import resources

import jsonschema
import pytest

from consilience.pipeline import reconcile
from consilience.render import to_json


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(resources.files("consilience").joinpath("schema/dossier.schema.json").read_text())


def test_pipeline_example_report_validates_against_the_schema(example_report, schema):
    jsonschema.validate(example_report, schema)
    assert example_report["schema_version"] == "1"


def test_pipeline_seeds_report_validates_and_lists_five_documents(seeds_report, schema):
    jsonschema.validate(seeds_report, schema)
    assert [d["id"] for d in seeds_report["documents"]] == sorted(d["id"] for d in seeds_report["documents"])
    assert len(seeds_report["documents"]) == 5


def test_pipeline_every_span_points_at_its_text(example_report):
    texts = {d["id"]: d["text"] for d in example_report["documents"]}
    for fact in example_report["facts"]:
        for c in fact["claims"]:
            s, e = c["span"]
            ss, se = c["sentence_span"]
            assert texts[c["doc_id"]][s:e] == c["text"]
            assert texts[c["doc_id"]][ss:se] == c["sentence"]
            assert ss <= s <= e <= se


def test_pipeline_output_is_byte_identical_across_runs_and_input_order(example_dir, tmp_path):
    files = sorted(str(p) for p in example_dir.glob("*.txt"))
    first = to_json(reconcile(files))
    assert to_json(reconcile(files)) == first
    assert to_json(reconcile(list(reversed(files)))) == first


def test_pipeline_example_story_has_a_conflict(example_report):
    assert any(f["verdict"] == "conflict" for f in example_report["facts"])


def test_pipeline_html_author_and_reader_notes_reach_the_json(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Port expands</title><meta name='author' content='Ana Ruiz'></head><body>"
        "<article><h1>Port expands</h1><p>" + "The port handled 1.2 million containers last year, officials said. " * 8
        + "</p></article></body></html>", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le café de la région a exporté 300 tonnes en 2023, selon les douanes locales.".encode("cp1252"))
    data = json.loads(to_json(reconcile([str(page), str(latin)])))
    docs = {d["id"]: d for d in data["documents"]}
    assert docs["page.html"]["author"] == "Ana Ruiz"
    assert any("decoded as" in w for w in docs["latin.txt"]["warnings"])


def test_pipeline_reports_each_stage_to_a_progress_hook(example_dir):
    from consilience.pipeline import STAGES, Options

    seen: list[str] = []
    reconcile([str(example_dir)], Options(on_stage=seen.append))
    assert seen == [name for name, _ in STAGES]


def test_pipeline_stats_say_what_was_read():
    from pathlib import Path

    good = Path(__file__).resolve().parent / "data" / "inputs" / "good"
    stats = reconcile([str(good / "feed.jsonl"), str(good / "crawl.warc.gz")]).stats
    assert stats["inputs"] == {"formats": {"jsonl": 5, "warc": 1}, "warnings": {"warc records not used": 1}}


def test_pipeline_leaves_the_garbage_collector_as_it_found_it(tmp_path):
    import gc

    from consilience.pipeline import STAGES, State, _run, with_stage

    (tmp_path / "a.txt").write_text("Exports reached $2 billion in 2023, officials said.\n", encoding="utf-8")
    assert gc.isenabled()
    reconcile([str(tmp_path)])
    assert gc.isenabled()
    gc.disable()
    try:
        reconcile([str(tmp_path)])
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()

    def broken(state):
        raise RuntimeError("stage failed")

    with pytest.raises(RuntimeError):
        _run(State(inputs=(str(tmp_path),)), with_stage("align", broken))
    assert gc.isenabled()
    assert [n for n, _ in STAGES][0] == "read"


_CRASH = {
    "a.txt": "LYON, March 3 (Wire) - A freight train derailed at 5.12am on Monday near the village of Saint-Marc, "
             "officials said. Nobody was hurt.",
    "b.txt": "LYON, March 3 (Post) - The freight train came off the tracks at 05:12 on Monday near Saint-Marc, "
             "the rail operator said.",
    "c.txt": "LYON, March 4 (Herald) - A freight train derailed near Saint-Marc at 4:50 a.m. on Monday, "
             "according to the operator.",
}


@pytest.mark.parametrize(("third", "verdict"), [
    (_CRASH["c.txt"], "conflict"),
    # the same moment in another zone is not compared with local times
    (_CRASH["c.txt"].replace("4:50 a.m.", "4:12 a.m. GMT"), "agree"),
    # "around" widens by a quarter of an hour: 05:00 meets 05:12
    (_CRASH["c.txt"].replace("at 4:50 a.m.", "at around 5 a.m."), "compatible"),
])
def test_pipeline_times_of_day_of_one_happening_are_compared(tmp_path, third, verdict):
    for name, text in {**_CRASH, "c.txt": third}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    dossier = reconcile([str(tmp_path)])
    facts = [f for f in dossier.facts if any(getattr(c.value, "kind", "") == "clock" for c in f.claims)]
    judged = [f for f in facts if len({c.doc_id for c in f.claims}) > 1]
    assert len(judged) == 1 and "time of derailment" in judged[0].label
    assert judged[0].verdict == verdict
    if verdict == "conflict":
        assert "04:50" in judged[0].explanation and "05:12" in judged[0].explanation
