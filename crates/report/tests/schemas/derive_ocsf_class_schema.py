#!/usr/bin/env python3
"""Derives a JSON Schema (draft 2020-12) for one OCSF event class from an OCSF server schema
export (`/export/schema` or `/export/v2/schema`), with chosen profiles applied.

    python3 derive_ocsf_class_schema.py EXPORT.json compliance_finding cloud > OUT.json
    python3 derive_ocsf_class_schema.py --compare OUT.json OTHER_CLASS_SCHEMA.json

`--compare` lists, for the class attributes and the object definitions two class schemas
share, the attributes found in only one of them and those whose definitions differ (titles
aside): how a newer release's class schema differs from the derived one.

What it keeps: every attribute of the class and of each object it reaches, with profile
attributes only for the profiles named; `required` from requirement "required"; JSON types
from the OCSF base types (timestamp_t is an integer, datetime_t a string, ...); `pattern`,
`maxLength` and ranges from the dictionary types; `enum` for enumerated attributes; the
class, category and type ids as constants or enums; `at_least_one` / `just_one` object
constraints as anyOf / oneOf; `additionalProperties: false` everywhere except the generic
`object`. It cannot express sibling consistency (severity with severity_id) or
`class_uid * 100 + activity_id`: the Rust tests check those.
"""
import json
import sys

BASE = {
    "string_t": "string",
    "integer_t": "integer",
    "long_t": "integer",
    "float_t": "number",
    "boolean_t": "boolean",
}


def compare(ours_path, theirs_path):
    with open(ours_path, encoding="utf-8") as f:
        ours = json.load(f)
    with open(theirs_path, encoding="utf-8") as f:
        theirs = json.load(f)

    def bare(d):
        return {k: v for k, v in d.items() if k != "title"}

    def diff(label, a, b, skip=()):
        pa, pb = a.get("properties", {}), b.get("properties", {})
        for k in sorted(set(pa) | set(pb)):
            if k in skip:
                continue
            if k not in pb:
                print(f"{label}.{k}: only in {ours_path}")
            elif k not in pa:
                print(f"{label}.{k}: only in {theirs_path}")
            elif bare(pa[k]) != bare(pb[k]):
                print(f"{label}.{k}: differs")
        if set(a.get("required", [])) != set(b.get("required", [])):
            print(f"{label}: required differs")

    shared = set(ours["properties"]) & set(theirs["properties"])
    skip = {"class_uid", "type_uid"}
    diff(
        "class",
        {"properties": {k: ours["properties"][k] for k in shared}},
        {"properties": {k: theirs["properties"][k] for k in shared}},
        skip,
    )
    for name in sorted(set(ours["$defs"]) & set(theirs["$defs"])):
        diff(name, ours["$defs"][name], theirs["$defs"][name])


def main():
    if sys.argv[1] == "--compare":
        compare(sys.argv[2], sys.argv[3])
        return
    export_path, class_name, *profiles = sys.argv[1:]
    with open(export_path, encoding="utf-8") as f:
        export = json.load(f)
    types = export["dictionary"]["types"]["attributes"]
    objects = export["objects"]
    cls = export["classes"][class_name]
    applied = set(profiles)
    defs = {}

    def applies(attr):
        return not attr.get("profiles") or bool(applied & set(attr["profiles"]))

    def scalar(type_name):
        """JSON Schema for one value of an OCSF type."""
        if type_name == "json_t":
            return {}
        t = types[type_name]
        out = {"type": BASE.get(type_name) or BASE[t["type"]]} if type_name in BASE or "type" in t else {}
        if "regex" in t:
            out["pattern"] = t["regex"]
        if "max_len" in t:
            out["maxLength"] = t["max_len"]
        if "range" in t:
            out["minimum"], out["maximum"] = t["range"]
        return out

    def attribute(attr):
        if attr["type"] == "object_t":
            one = {"$ref": f"#/$defs/{def_name(attr['object_type'])}"}
            add_object(attr["object_type"])
        else:
            one = scalar(attr["type"])
            if "enum" in attr:
                keys = list(attr["enum"])
                if one.get("type") == "integer":
                    keys = sorted(int(k) for k in keys)
                one["enum"] = keys
        if attr.get("is_array"):
            return {"type": "array", "items": one}
        return one

    def shape(attrs, constraints):
        props, required = {}, []
        for name in sorted(attrs):
            attr = attrs[name]
            if not applies(attr):
                continue
            props[name] = attribute(attr)
            if attr.get("requirement") == "required":
                required.append(name)
        out = {"type": "object", "additionalProperties": False, "properties": props}
        if required:
            out["required"] = required
        constraints = constraints or {}
        if "at_least_one" in constraints:
            out["anyOf"] = [{"required": [n]} for n in constraints["at_least_one"]]
        if "just_one" in constraints:
            out["oneOf"] = [{"required": [n]} for n in constraints["just_one"]]
        return out

    def def_name(name):
        # Extension objects are `ext/name`; a slash cannot stand in a JSON pointer as is.
        return name.replace("/", "_")

    def add_object(name):
        if def_name(name) in defs:
            return
        defs[def_name(name)] = None  # reserve: objects refer to themselves
        obj = objects[name]
        if not obj.get("attributes"):
            defs[def_name(name)] = {"title": obj["caption"], "type": "object"}
            return
        defs[def_name(name)] = {"title": obj["caption"], **shape(obj["attributes"], obj.get("constraints"))}

    body = shape(cls["attributes"], cls.get("constraints"))
    for id_attr in ("class_uid", "category_uid"):
        (value,) = body["properties"][id_attr].pop("enum")
        body["properties"][id_attr]["const"] = value
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:wasp:test-fixture:ocsf:{export['version']}:{class_name}",
        "title": f"OCSF {export['version']} {cls['caption']} ({cls['uid']}), profiles: {', '.join(profiles) or 'none'}",
        **body,
        "$defs": dict(sorted(defs.items())),
    }
    json.dump(schema, sys.stdout, indent=1, sort_keys=False, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
