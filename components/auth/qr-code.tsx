"use client";

import { useMemo } from "react";
import { encode } from "uqr";
import { cn } from "@/lib/utils/cn";

/**
 * A QR code (uqr: a small, dependency-free encoder) drawn as one SVG path, dark on white in both
 * themes: scanners expect that contrast, and a light-on-dark code fails in some apps.
 */
export function QrCode({ value, label, className }: { value: string; label: string; className?: string }) {
  const { size, path } = useMemo(() => {
    const qr = encode(value, { ecc: "M", border: 2 });
    let d = "";
    qr.data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      }),
    );
    return { size: qr.size, path: d };
  }, [value]);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      className={cn("rounded-md border border-border bg-white", className)}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
