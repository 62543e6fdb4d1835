"use client";

import { Download, FileJson } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogBody, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/ui/form-field";
import { ErrorAlert } from "@/components/common/error-message";
import { buildFixture, type Fixture } from "@/lib/relay/fixture";

const DEFAULT_URL = "http://localhost:3000/webhook";

/**
 * "Copy as fixture": the webhook body as a JSON file and a curl command that posts it to a bot on the
 * developer's machine, signed in the browser with a secret typed here — it never goes to the server.
 */
export function FixtureDialog({ open, onOpenChange, body, name }: { open: boolean; onOpenChange: (open: boolean) => void; body: string; name: string }) {
  const t = useTranslations("relay.fixture");
  return (
    <Dialog open={open} onOpenChange={onOpenChange} aria-label={t("title")} className="w-[min(44rem,calc(100vw-2rem))]">
      <DialogHeader>
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-primary-soft text-primary-soft-foreground">
          <FileJson className="size-4" />
        </span>
        <DialogTitle className="pt-1">{t("title")}</DialogTitle>
        <DialogClose label={t("close")} onClick={() => onOpenChange(false)} />
      </DialogHeader>
      <FixtureBody body={body} name={name} />
    </Dialog>
  );
}

function FixtureBody({ body, name }: { body: string; name: string }) {
  const t = useTranslations("relay.fixture");
  const tc = useTranslations("common");
  const [secret, setSecret] = useState("");
  const [url, setUrl] = useState(DEFAULT_URL);
  const [built, setBuilt] = useState<{ fixture: Fixture | null; error: unknown }>({ fixture: null, error: null });
  // Without a secret there is no signature: the JSON alone, under the name the fixture would have.
  const fixture = secret ? built.fixture : null;
  const fileName = fixture?.fileName ?? `${name}.json`;

  // Signed again as the admin types (Web Crypto is asynchronous); a late answer for older input is dropped.
  useEffect(() => {
    if (!secret) return;
    let current = true;
    buildFixture({ body, secret, url: url.trim() || DEFAULT_URL }).then(
      (f) => current && setBuilt({ fixture: f, error: null }),
      (error: unknown) => current && setBuilt({ fixture: null, error }),
    );
    return () => {
      current = false;
    };
  }, [body, secret, url]);

  const download = () => {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([body], { type: "application/json" }));
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <DialogBody className="max-h-[calc(100dvh-8rem)] space-y-4 px-5 py-4">
      <p className="text-sm text-muted-foreground">{t("explain")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id="fixture-secret" label={t("secret")} hint={t("secretHint")}>
          {(control) => (
            <Input
              {...control}
              type="password"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
          )}
        </FormField>
        <FormField id="fixture-url" label={t("url")}>
          {(control) => (
            <Input {...control} type="url" autoComplete="off" spellCheck={false} className="font-mono" value={url} onChange={(e) => setUrl(e.target.value)} />
          )}
        </FormField>
      </div>
      <CodeBlock
        code={body}
        language="json"
        label={t("json")}
        maxHeight="14rem"
        title={<h3 className="font-mono">{fileName}</h3>}
        toolbar={
          <>
            <Button size="sm" onClick={download}>
              <Download aria-hidden />
              {t("download")}
            </Button>
            <CopyButton value={body} label={t("copyJson")} copiedLabel={tc("copied")} />
          </>
        }
      />
      {fixture ? (
        <CodeBlock
          code={fixture.curl}
          label={t("curl")}
          maxHeight="12rem"
          title={<h3>{t("curl")}</h3>}
          toolbar={<CopyButton value={fixture.curl} label={t("copyCurl")} copiedLabel={tc("copied")} showLabel />}
        />
      ) : secret && built.error ? (
        <ErrorAlert error={built.error} />
      ) : (
        <p className="text-xs text-muted-foreground">{t("unsigned")}</p>
      )}
    </DialogBody>
  );
}
