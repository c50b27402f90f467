"""Translations written through wagtail-localize as an editor's would be: a TranslationSource, a
Translation, one StringTranslation per segment, then the target page written by wagtail-localize from
them. Used by every app's demo content; also the helpers that set a page's fields without disturbing
the StreamField block ids the translations are keyed on. A page's inline children (a form page's
fields, for instance) are set as a list of dicts, one per child."""

import json
import re

from django.db import models

from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail_localize.models import (
    String,
    StringTranslation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.models import Translation as LocalizeTranslation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

# Fields of an inline child that are bookkeeping, not content (a Wagtail form field's clean_name is
# its key in the stored submissions: it is kept, never compared).
CHILD_BOOKKEEPING_FIELDS = {"sort_order", "clean_name", "translation_key", "locale"}
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Bookkeeping of the page tree and of revisions, which change without the content changing: a
# page gaining a child (numchild) must not make its translation look out of date.
BOOKKEEPING_KEYS = {
    "numchild",
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "locked",
    "locked_at",
    "locked_by",
}


class TranslationMismatch(Exception):
    """The translated text does not have the structure of the source (its segments differ)."""


def _child_relation(page, name):
    """The inline children's model when `name` is a child relation of the page, else None."""
    field = page._meta.get_field(name)
    return field.related_model if field.one_to_many else None


def _child_keys(model):
    """The content fields of an inline child model, in their declaration order."""
    return [
        field.name
        for field in model._meta.concrete_fields
        if not field.primary_key
        and not field.is_relation
        and field.name not in CHILD_BOOKKEEPING_FIELDS
    ]


def strip_block_ids(data):
    """Stream data without its block ids, which change each time a value is rebuilt."""
    if isinstance(data, list):
        return [strip_block_ids(item) for item in data]
    if isinstance(data, dict):
        return {key: strip_block_ids(value) for key, value in data.items() if key != "id"}
    return data


def snapshot(page, names):
    state = {}
    for name in names:
        child_model = _child_relation(page, name)
        if child_model is not None:
            keys = _child_keys(child_model)
            state[name] = [
                tuple(getattr(child, key) for key in keys) for child in getattr(page, name).all()
            ]
            continue
        field = page._meta.get_field(name)
        if isinstance(field, StreamField):
            state[name] = strip_block_ids(getattr(page, name).get_prep_value())
        elif isinstance(field, models.ForeignKey):
            state[name] = getattr(page, field.attname)
        else:
            state[name] = getattr(page, name)
    return state


def keep_block_ids(current, blocks):
    """The new (block_type, value) tuples, each taking the id of the block at its position when
    that block is of the same type: headings keep their anchors when a text is corrected."""
    current = list(current or [])
    return [
        (*block, current[index].id)
        if len(block) == 2 and index < len(current) and current[index].block_type == block[0]
        else block
        for index, block in enumerate(blocks)
    ]


def apply_values(page, data, translating=False):
    """Set `data` on the page, in memory; tell whether anything changed. A field whose value
    is already right is left untouched, so that its StreamField blocks keep their ids (the
    anchors of the table of contents, and the contexts of the English translations)."""
    changed = False
    for name, value in data.items():
        before = snapshot(page, [name])
        child_model = _child_relation(page, name)
        if child_model is not None:
            keys = _child_keys(child_model)
            wanted = [tuple(child[key] for key in keys) for child in value]
            if wanted == before[name]:
                continue
            setattr(page, name, _children(page, name, child_model, value, translating))
            changed = True
            continue
        previous = getattr(page, name)
        field = page._meta.get_field(name)
        if isinstance(field, StreamField):
            value = StreamValue(field.stream_block, keep_block_ids(previous, value))
        setattr(page, name, value)
        if snapshot(page, [name]) == before:
            setattr(page, name, previous)
        else:
            changed = True
    return changed


def _children(page, name, model, values, translating):
    """New inline children from `values`. A form field keeps its clean_name, its key in the stored
    submissions: by label, or, for a translation, the source's field by field."""
    existing = list(getattr(page, name).all())
    keeps_names = any(field.name == "clean_name" for field in model._meta.concrete_fields)
    by_label = {child.label: child.clean_name for child in existing} if keeps_names else {}
    children = []
    for index, child in enumerate(values):
        extra = {}
        if keeps_names:
            extra["clean_name"] = (
                existing[index].clean_name
                if translating and index < len(existing)
                else by_label.get(child["label"], "")
            )
        children.append(model(sort_order=index, **extra, **child))
    return children


def translate_page(page, translated_data, locale, user=None):
    """Make `page`'s translation in `locale` a wagtail-localize translation whose segments say
    `translated_data` (the page's fields as `apply_values` takes them, with the same structure as
    the source), as the admin's "Sync" would; publish it. Return True when the translation was
    written anew, False when it was already up to date."""
    page = page.specific_class.objects.get(pk=page.pk)
    previous = TranslationSource.objects.get_for_instance_or_none(page)
    source, source_created = TranslationSource.update_or_create_from_instance(page)
    source_changed = previous is not None and _content(previous) != _content(source)
    _translation, translation_created = LocalizeTranslation.objects.get_or_create(
        source=source, target_locale=locale
    )
    strings_changed = store_string_translations(page, source, translated_data, locale, user)
    target = page.get_translation_or_none(locale)
    if not (
        source_created
        or source_changed
        or translation_created
        or strings_changed
        or target is None
        or not target.live
    ):
        return False
    # Translation.save_target(publish=True) would publish when the transaction commits,
    # which never happens when the caller rolls back (tests): publish here, at once.
    source.create_or_update_translation(
        locale, user=user, publish=False, fallback=True, copy_parent_pages=True
    )
    target = page.get_translation(locale)
    target.get_latest_revision().publish(user=user)
    return True


def _content(source):
    content = json.loads(source.content_json)
    return {key: value for key, value in content.items() if key not in BOOKKEEPING_KEYS}


def _translated_instance(page, translated_data):
    instance = page.specific_class.from_json(page.to_json())
    apply_values(instance, translated_data, translating=True)
    return instance


def store_string_translations(page, source, translated_data, locale, user=None):
    """One StringTranslation per string segment of `source`, from the same segment of the page
    with `translated_data` applied; tell whether any was created or changed."""
    source_segments = [
        s for s in extract_segments(source.as_instance()) if type(s) is StringSegmentValue
    ]
    translated_segments = [
        s
        for s in extract_segments(_translated_instance(page, translated_data))
        if type(s) is StringSegmentValue
    ]
    if len(source_segments) != len(translated_segments):
        raise TranslationMismatch(
            f"« {page.title} » : {len(source_segments)} segments dans la langue source, "
            f"{len(translated_segments)} dans la traduction ; les deux textes doivent avoir la "
            "même structure."
        )
    contexts = {
        context.path: context
        for context in TranslationContext.objects.filter(object_id=source.object_id)
    }
    changed = False
    for source_segment, segment in zip(source_segments, translated_segments, strict=True):
        if UUID_RE.sub("*", source_segment.path) != UUID_RE.sub("*", segment.path):
            raise TranslationMismatch(
                f"« {page.title} » : le segment traduit {segment.path} ne correspond pas au "
                f"segment source {source_segment.path}."
            )
        string = String.from_value(source.locale, source_segment.string)
        data = segment.string.data
        translation, created = StringTranslation.objects.get_or_create(
            translation_of=string,
            locale=locale,
            context=contexts[source_segment.path],
            defaults={"data": data, "translation_type": "manual", "last_translated_by": user},
        )
        if translation.has_error and created:
            raise TranslationMismatch(
                f"« {page.title} » : la traduction « {data} » n'a pas les mêmes liens que le "
                f"texte source « {string.data} »."
            )
        if not created and (translation.data != data or translation.has_error):
            translation.data = data
            translation.has_error = False
            translation.field_error = ""
            translation.translation_type = "manual"
            translation.last_translated_by = user
            translation.save()
            changed = True
        changed = changed or created
    return changed
