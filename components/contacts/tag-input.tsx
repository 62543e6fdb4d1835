"use client";

import { X } from "lucide-react";
import { useId, useState } from "react";
import { tagNameSchema } from "@/lib/contacts/tag-schema";
import { cn } from "@/lib/utils/cn";
import { isComposing } from "@/lib/utils/is-composing";

interface TagInputProps {
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions: string[];
  placeholder: string;
  removeLabel: (tag: string) => string;
  /** The text field's: a form moves focus here after a failed submit (react-hook-form's field ref). */
  ref?: React.Ref<HTMLInputElement>;
  /** Named by a <label htmlFor={id}> (FormField), or by `label` when there is none. */
  id?: string;
  label?: string;
  "aria-invalid"?: true | undefined;
  "aria-describedby"?: string | undefined;
  onBlur?: () => void;
  autoFocus?: boolean;
  className?: string;
}

/**
 * Tags as chips, typed into one field: Enter or a comma adds (names are tidied as the API tidies them),
 * Backspace in an empty field takes the last one back; known tags are suggested as you type. Enter in an
 * empty field submits the form, as it does in any text field.
 */
export function TagInput({ value, onChange, suggestions, placeholder, removeLabel, ref, id, label, onBlur, autoFocus, className, ...aria }: TagInputProps) {
  const [text, setText] = useState("");
  const listId = useId();
  const add = (raw: string) => {
    const parsed = tagNameSchema.safeParse(raw);
    if (parsed.success && !value.includes(parsed.data)) onChange([...value, parsed.data]);
    setText("");
  };
  return (
    <div
      className={cn(
        "flex min-h-8 flex-wrap items-center gap-1 rounded-md border border-input bg-surface px-1.5 py-1 shadow-xs focus-within:border-ring focus-within:ring-2 focus-within:ring-ring/30 has-[[aria-invalid=true]]:border-danger has-[[aria-invalid=true]]:focus-within:ring-danger/30",
        className,
      )}
    >
      {value.map((tag) => (
        <span key={tag} className="inline-flex h-6 items-center gap-1 rounded bg-muted pr-0.5 pl-2 text-xs font-medium">
          {tag}
          <button
            type="button"
            aria-label={removeLabel(tag)}
            onClick={() => onChange(value.filter((t) => t !== tag))}
            className="flex size-5 items-center justify-center rounded text-subtle-foreground hover:bg-hover hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          >
            <X aria-hidden className="size-3" />
          </button>
        </span>
      ))}
      <input
        ref={ref}
        id={id}
        aria-label={label}
        aria-invalid={aria["aria-invalid"]}
        aria-describedby={aria["aria-describedby"]}
        list={listId}
        value={text}
        autoFocus={autoFocus}
        placeholder={value.length ? "" : placeholder}
        maxLength={40}
        onChange={(e) => {
          const v = e.target.value;
          if (v.endsWith(",") || v.endsWith("、") || v.endsWith("，")) add(v.slice(0, -1));
          else setText(v);
        }}
        onKeyDown={(e) => {
          if (isComposing(e)) return;
          if (e.key === "Enter" && text.trim()) {
            e.preventDefault();
            add(text);
          } else if (e.key === "Backspace" && !text && value.length) {
            onChange(value.slice(0, -1));
          }
        }}
        onBlur={() => {
          if (text.trim()) add(text);
          onBlur?.();
        }}
        className="h-6 min-w-24 flex-1 bg-transparent px-1 text-sm outline-none placeholder:text-subtle-foreground"
      />
      <datalist id={listId}>
        {suggestions
          .filter((s) => !value.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}
