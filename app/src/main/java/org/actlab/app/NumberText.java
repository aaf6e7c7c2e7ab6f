package org.actlab.app;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reading and writing numbers as the CLI does.
 *
 * <p>Writing: the shortest decimal that reads back as the same double (or float), laid out like Python's
 * {@code repr(float)}: plain notation for decimal exponents from -4 to 15 ({@code 0.0001}, {@code 1.0},
 * {@code 123456789.0}), otherwise {@code 1e-05}, {@code 1.5e+16} (lower-case {@code e}, explicit sign, at least
 * two exponent digits). {@code nan}, {@code inf}, {@code -inf}. Java's {@code toString} may print two digits where
 * one suffices ({@code 4.9E-324}); we drop to one digit whenever it still reads back exactly ({@code 5e-324}).
 *
 * <p>Reading: decimal literals, hex floats ({@code 0x1.8p1}, {@code 0x10}: a missing binary exponent means
 * {@code p0}), {@code nan}, {@code inf}, {@code infinity} with optional sign, case-insensitive. Float32 tokens are
 * rounded once, directly from the text to the nearest float (no double rounding through a double).
 */
public final class NumberText {

  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern HEX =
      Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)([pP][+-]?\\d+)?");

  private NumberText() {}

  /** The token in a form {@link Double#parseDouble} accepts with the same meaning, or null if not a number. */
  static String canonical(String token) {
    String t = token.toLowerCase(Locale.ROOT);
    String unsigned = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
    boolean negative = t.startsWith("-");
    if (unsigned.equals("nan")) {
      return "NaN";
    }
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return negative ? "-Infinity" : "Infinity";
    }
    if (DECIMAL.matcher(t).matches()) {
      return t;
    }
    if (HEX.matcher(t).matches()) {
      return t.contains("p") ? t : t + "p0";
    }
    return null;
  }

  /** The double nearest the token, or null if the token is not a number. */
  public static Double parseDouble(String token) {
    String c = canonical(token);
    return c == null ? null : Double.parseDouble(c);
  }

  /** The float nearest the token (rounded once), or null if the token is not a number. */
  public static Float parseFloat(String token) {
    String c = canonical(token);
    return c == null ? null : Float.parseFloat(c);
  }

  /** Shortest round-trip text of a double. */
  public static String format(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return special(v);
    }
    BigDecimal d = new BigDecimal(Double.toString(v));
    BigDecimal one = d.round(new MathContext(1, RoundingMode.HALF_EVEN));
    return layout(Double.parseDouble(one.toString()) == v ? one : d);
  }

  /** Shortest round-trip text of a float (read back with float rounding). */
  public static String format(float v) {
    if (!Float.isFinite(v) || v == 0) {
      return special(v);
    }
    BigDecimal d = new BigDecimal(Float.toString(v));
    BigDecimal one = d.round(new MathContext(1, RoundingMode.HALF_EVEN));
    return layout(Float.parseFloat(one.toString()) == v ? one : d);
  }

  private static String special(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return Double.doubleToRawLongBits(v) == 0 ? "0.0" : "-0.0";
  }

  /** Python repr layout of an exact, nonzero decimal. */
  private static String layout(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    String digits = s.unscaledValue().abs().toString();
    int exp10 = digits.length() - 1 - s.scale();
    String sign = s.signum() < 0 ? "-" : "";
    if (exp10 >= -4 && exp10 < 16) {
      String plain = s.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String e = String.format(Locale.ROOT, "%02d", Math.abs(exp10));
    return sign + mantissa + "e" + (exp10 < 0 ? "-" : "+") + e;
  }
}
