"""The chat template as Jinja text, so every engine formats a conversation the way training did.

`HavocTokenizer.apply_chat_template` builds ids directly (role tokens are control ids a user
cannot type); this Jinja text renders the same layout as a string for transformers and vLLM,
which tokenize it with the special tokens recognised. It travels in the checkpoint
(`chat_template.jinja`) and in the Hugging Face export (`tokenizer_config.json`), and a test
holds the two renderings equal.
"""

from __future__ import annotations

from pathlib import Path

from havoc_model.errors import ModelInputError

CHAT_TEMPLATE_FILE = "chat_template.jinja"

DEFAULT_CHAT_TEMPLATE = (
    "{{ bos_token }}"
    "{% for message in messages %}"
    "{% set role = 'tool_result' if message['role'] in ('tool', 'tool_result') else message['role'] %}"
    "{% set calls = message.get('tool_calls') or [] %}"
    "{% if message['content'] or not calls %}"
    "<|{{ role }}|>{{ message['content'] or '' }}<|end|>"
    "{% endif %}"
    "{% for call in calls %}<|tool_call|>{{ call | tojson(sort_keys=True) }}<|end|>{% endfor %}"
    "{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>{% endif %}"
)


def read_chat_template(directory: str | Path) -> str:
    """The checkpoint's template, or the default layout every HAVOC tokenizer was trained with."""
    path = Path(directory) / CHAT_TEMPLATE_FILE
    if not path.is_file():
        return DEFAULT_CHAT_TEMPLATE
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelInputError(f"{path}: cannot read the chat template ({exc})") from None
    if not text.strip():
        raise ModelInputError(f"{path}: empty chat template")
    return text


def write_chat_template(directory: str | Path, template: str = DEFAULT_CHAT_TEMPLATE) -> Path:
    path = Path(directory) / CHAT_TEMPLATE_FILE
    path.write_text(template, encoding="utf-8")
    return path
