"use client";

import { ImagePlus, LayoutTemplate, Wand2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Select } from "@/components/ui/select";
import { RICH_MENU_IMAGE } from "@/lib/rich-menus/rich-menu-schema";
import { imageProblem, LAYOUTS, readImagePixels, type ImageProblem, type MenuSize } from "./rich-menu-layouts";

interface ImagePickerProps {
  size: MenuSize;
  hasImage: boolean;
  onImage: (file: Blob, pixels: MenuSize) => void;
  onLayout: (layoutId: string) => void;
  onGenerate: () => Promise<void>;
  /** A tabbed menu's size is shared by its tabs, set when it was created. */
  fixedSize?: boolean;
  disabled?: boolean;
}

/**
 * The image: a JPEG or PNG checked here as LINE would (type, 1 MB, pixel size, shape) so a refusal comes
 * with its reason before any upload; or a layout, and then an image generated from the area labels.
 */
export function ImagePicker({ size, hasImage, onImage, onLayout, onGenerate, fixedSize, disabled }: ImagePickerProps) {
  const t = useTranslations("richMenus.image");
  const input = useRef<HTMLInputElement>(null);
  const layoutId = useId();
  const [problem, setProblem] = useState<ImageProblem | null>(null);
  const [generating, setGenerating] = useState(false);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    const pixels = (RICH_MENU_IMAGE.types as readonly string[]).includes(file.type) ? await readImagePixels(file) : null;
    const wrongSize = fixedSize && pixels && (pixels.width !== size.width || pixels.height !== size.height);
    const found = imageProblem(file, pixels) ?? (wrongSize && pixels ? { key: "exact" as const, ...pixels } : null);
    setProblem(found);
    if (!found && pixels) onImage(file, pixels);
    if (input.current) input.current.value = "";
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <input
          ref={input}
          type="file"
          accept="image/png,image/jpeg"
          className="sr-only"
          aria-label={t("upload")}
          data-testid="image-input"
          tabIndex={-1}
          onChange={(e) => void pick(e.target.files?.[0])}
        />
        <Button size="sm" onClick={() => input.current?.click()} disabled={disabled}>
          <ImagePlus aria-hidden />
          {hasImage ? t("replace") : t("upload")}
        </Button>
        {!fixedSize && (
          <div className="flex items-center gap-1.5">
            <LayoutTemplate aria-hidden className="size-4 text-muted-foreground" />
            <label htmlFor={layoutId} className="text-sm">
              {t("layout")}
            </label>
            <Select id={layoutId} value="" disabled={disabled} data-testid="layout-select" onChange={(e) => e.target.value && onLayout(e.target.value)}>
              <option value="">{t("chooseLayout")}</option>
              {LAYOUTS.map((l) => (
                <option key={l.id} value={l.id}>
                  {t(`layouts.${l.id}`)}
                </option>
              ))}
            </Select>
          </div>
        )}
        {!hasImage && (
          <Button
            size="sm"
            variant="subtle"
            disabled={disabled || generating}
            data-testid="generate-image"
            onClick={() => {
              setGenerating(true);
              void onGenerate().finally(() => setGenerating(false));
            }}
          >
            <Wand2 aria-hidden />
            {t("generate")}
          </Button>
        )}
      </div>
      <p className="text-xs text-muted-foreground">{t("rules", { width: size.width, height: size.height })}</p>
      {problem && (
        <Callout tone="danger" role="alert" data-testid="image-problem">
          {t(`problems.${problem.key}`, { ...problem, mb: "1", size: `${size.width}×${size.height}` })}
        </Callout>
      )}
    </div>
  );
}
