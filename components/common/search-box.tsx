"use client";

import { Search, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { InputWithIcon } from "@/components/ui/input";
import { cn } from "@/lib/utils/cn";

const DEBOUNCE_MS = 300;

interface SearchBoxProps {
  /** The search in force (from the URL): shown again when it changes from elsewhere. */
  value: string;
  onSearch: (q: string) => void;
  label: string;
  placeholder: string;
  /** What the search covers, when the placeholder is too short to say (a tooltip and the description). */
  hint?: string;
  clearLabel: string;
  maxLength?: number;
  className?: string;
}

/**
 * A search field that reports after a pause in typing, and stays quiet while an input method is
 * composing (Chinese, Japanese and Thai are typed that way: half-typed syllables are not queries).
 */
export function SearchBox({ value, onSearch, label, placeholder, hint, clearLabel, maxLength = 100, className }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const composing = useRef(false);
  const sent = useRef(value);
  const onSearchRef = useRef(onSearch);
  useEffect(() => {
    onSearchRef.current = onSearch;
  });
  // Changed from elsewhere (a chip removed, the back button): show that.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (composing.current || text.trim() === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = text.trim();
      onSearchRef.current(text.trim());
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div className={cn("relative", className)}>
      <InputWithIcon
        icon={<Search />}
        type="search"
        aria-label={label}
        aria-description={hint}
        title={hint}
        placeholder={placeholder}
        value={text}
        maxLength={maxLength}
        onChange={(e) => setText(e.target.value)}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          setText(e.currentTarget.value);
        }}
        className="[&_input]:pr-8 [&_input::-webkit-search-cancel-button]:hidden"
      />
      {text && (
        <button
          type="button"
          aria-label={clearLabel}
          onClick={() => setText("")}
          className="absolute top-1/2 right-1.5 flex size-5 -translate-y-1/2 items-center justify-center rounded text-subtle-foreground hover:bg-hover hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          <X className="size-3.5" aria-hidden />
        </button>
      )}
    </div>
  );
}
