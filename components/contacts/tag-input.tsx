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
  label: string;
  placeholder: string;
  removeLabel: (tag: string) => string;
  autoFocus?: boolean;
  className?: string;
}

/**
 * Tags as chips, typed into one field: Enter or a comma adds (names are tidied as the API tidies them),
 * Backspace in an empty field takes the last one back; known tags are suggested as you type.
 */
export function TagInput({ value, onChange, suggestions, label, placeholder, removeLabel, autoFocus, className }: TagInputProps) {
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
        "flex min-h-8 flex-wrap items-center gap-1 rounded-md border border-input bg-surface px-1.5 py-1 shadow-xs focus-within:border-ring focus-within:ring-2 focus-within:ring-ring/30",
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
        aria-label={label}
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
          if (e.key === "Enter" && !isComposing(e)) {
            e.preventDefault();
            if (text.trim()) add(text);
          } else if (e.key === "Backspace" && !text && value.length) {
            onChange(value.slice(0, -1));
          }
        }}
        onBlur={() => text.trim() && add(text)}
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
