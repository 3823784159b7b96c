import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, describeError } from "../api/problem.ts";
import type { Contact } from "../api/types.ts";
import { Button } from "../ui/controls.tsx";
import { initials } from "../ui/format.ts";
import { deletePhoto, PHOTO_MAX_BYTES, type PhotoUpload, photoUrlOf, putPhoto } from "./contact-extras-api.ts";

/** The longest side of a photo as sent: enough for an avatar on any screen, far below the server's limit. */
export const PHOTO_SIDE = 512;

/** The size that fits within `max`×`max`, keeping the proportions; a smaller image stays as it is. */
export function fitWithin(width: number, height: number, max = PHOTO_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function base64Of(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/**
 * Any image the browser can read, made a JPEG of at most 512×512 in a canvas (on white: JPEG has no transparency),
 * at the best quality that stays under the server's limit. The image is read as a bitmap, never through a URL, so
 * the page's Content-Security-Policy (img-src 'self' data:) is not involved.
 */
export async function resizeToJpeg(file: Blob): Promise<PhotoUpload> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error("This file is not an image the browser can read. Try a JPEG or PNG photo.");
  }
  const size = fitWithin(bitmap.width, bitmap.height);
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot resize images.");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, size.width, size.height);
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  for (const quality of [0.85, 0.7, 0.5]) {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", quality));
    if (blob && blob.size <= PHOTO_MAX_BYTES)
      return { contentType: "image/jpeg", data: base64Of(new Uint8Array(await blob.arrayBuffer())) };
  }
  throw new Error("This photo stays too large even made smaller.");
}

function usePhotoChange(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (upload: PhotoUpload | null) => (upload ? putPhoto(contactId, upload) : deletePhoto(contactId)),
    onSuccess: (saved) => {
      client.setQueryData(["contacts", "one", saved.id], saved);
      void client.invalidateQueries({ queryKey: ["contacts", "list"] });
    },
  });
}

/**
 * The contact's photo: shown (or their initials), chosen from a file and made small in the browser before it is
 * sent, or removed. `resize` is the browser's canvas by default; tests give their own.
 */
export function PhotoField(props: {
  contact: Contact;
  canEdit: boolean;
  /** False where the photo is already on the page (the contact page's heading): only the buttons are drawn. */
  showPhoto?: boolean;
  resize?: (file: File) => Promise<PhotoUpload>;
}) {
  const { contact } = props;
  const resize = props.resize ?? resizeToJpeg;
  const change = usePhotoChange(contact.id);
  const url = photoUrlOf(contact);
  const [resizeError, setResizeError] = useState<string | undefined>();
  const choose = async (file: File | undefined) => {
    if (!file) return;
    change.reset();
    setResizeError(undefined);
    try {
      change.mutate(await resize(file));
    } catch (error) {
      setResizeError(describeError(error));
    }
  };
  const error =
    resizeError ??
    (change.error instanceof ApiError
      ? (change.error.fieldError("data") ?? change.error.fieldError("contentType") ?? describeError(change.error))
      : change.error
        ? describeError(change.error)
        : undefined);

  return (
    <div className="photo-field">
      {props.showPhoto === false ? null : url ? (
        <img className="contact-photo" src={url} alt={contact.displayName} width={96} height={96} />
      ) : (
        <span className="contact-photo contact-photo-empty" aria-hidden="true">
          {initials(contact.displayName)}
        </span>
      )}
      {props.canEdit && (
        <div className="stack-sm">
          <label className={`btn btn-quiet file-button${change.isPending ? " file-button-disabled" : ""}`}>
            {change.isPending ? "Saving photo…" : url ? "Change photo" : "Add photo"}
            <input
              type="file"
              accept="image/*"
              disabled={change.isPending}
              aria-describedby={error ? `photo-error-${contact.id}` : undefined}
              onChange={(event) => {
                void choose(event.target.files?.[0]);
                event.target.value = "";
              }}
            />
          </label>
          {url && (
            <Button tone="quiet" isDisabled={change.isPending} onPress={() => change.mutate(null)}>
              Remove photo
            </Button>
          )}
          {error && (
            <p className="field-error" id={`photo-error-${contact.id}`} role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
