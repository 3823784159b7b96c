/**
 * Small real images for tests of contact photos: a 16×16 PNG (a green disc) and a 1×1 JPEG, as base64, and bytes
 * that are neither. Made by hand for these tests, nothing outside the repository.
 */
export const PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAANUlEQVR4nGN48eQGSYiBUg1aVdloCJ8GTNWYehgIqkbTw0CMamQ9I1kDycFKTsSRkzRokloBhfDmOAQAgrQAAAAASUVORK5CYII=";

export const JPEG_BASE64 =
  "/9j/4AAQSkZJRgABAQEAYABgAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/APn+iiigD//Z";

/** Valid base64 whose bytes are plain text, not an image. */
export const TEXT_BASE64 = "aGVsbG8sIHRoaXMgaXMgbm90IGFuIGltYWdl";

/** A "JPEG" of `bytes` bytes: the magic number, then zeros (larger than the limit, for the size checks). */
export function jpegOfSize(bytes: number): string {
  let binary = "\xff\xd8\xff\xe0";
  binary += "\0".repeat(Math.max(0, bytes - 4));
  return btoa(binary);
}
