package org.ungis.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A response whose body is held until it is complete, as {@link ContentCachingResponseWrapper}
 * holds it, but whose writer encodes through a buffer instead of flushing its encoder after every
 * write: Spring's writer flushes on each {@code write}, and a Thymeleaf page is written in
 * thousands of small pieces (a tag, an attribute, an escaped text), so a page's encoding cost about
 * a quarter of the portal's CPU (docs/performance.md, "The portal: a page"). Whatever reads or
 * copies the held body, or resets it, first flushes what the writer still holds.
 */
class HeldResponse extends ContentCachingResponseWrapper {

  private PrintWriter writer;

  HeldResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (writer == null) {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
      writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
    }
    return writer;
  }

  private void flushWriter() {
    if (writer != null) {
      writer.flush();
    }
  }

  @Override
  public void flushBuffer() throws IOException {
    flushWriter();
    super.flushBuffer();
  }

  @Override
  public void resetBuffer() {
    flushWriter();
    super.resetBuffer();
  }

  @Override
  public void reset() {
    flushWriter();
    super.reset();
  }

  @Override
  public byte[] getContentAsByteArray() {
    flushWriter();
    return super.getContentAsByteArray();
  }

  @Override
  public InputStream getContentInputStream() {
    flushWriter();
    return super.getContentInputStream();
  }

  @Override
  public int getContentSize() {
    flushWriter();
    return super.getContentSize();
  }

  @Override
  protected void copyBodyToResponse(boolean complete) throws IOException {
    flushWriter();
    super.copyBodyToResponse(complete);
  }
}
