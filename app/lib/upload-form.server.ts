/**
 * Reading a form that carries a file. The server has already bounded and re-encoded the body
 * (server/body.ts), so the platform's parser reads it whatever the file is called ("budget
 * v2=final.csv", quotes, semicolons, any language); here each file is held to its own limit.
 */
export type UploadForm = { ok: true; formData: FormData } | { ok: false; reason: "too-large" };

export async function readUploadForm(request: Request, maxFileBytes: number): Promise<UploadForm> {
  const formData = await request.formData();
  for (const value of formData.values()) {
    if (typeof value !== "string" && value.size > maxFileBytes) return { ok: false, reason: "too-large" };
  }
  return { ok: true, formData };
}
