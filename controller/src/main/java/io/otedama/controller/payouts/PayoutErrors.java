package io.otedama.controller.payouts;

import io.otedama.controller.api.ApiException;
import java.util.function.Supplier;

/** Turns the payouts service's refusals into API errors: 404, 409, or 400 with the reason. */
final class PayoutErrors {
  private PayoutErrors() {}

  static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (PayoutNotFoundException e) {
      throw ApiException.notFound(sentence(e.getMessage()));
    } catch (PayoutConflictException e) {
      throw ApiException.conflict(sentence(e.getMessage()));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.badRequest(sentence(e.getMessage()));
    } catch (ArithmeticException e) {
      throw ApiException.badRequest("An amount is out of range: " + e.getMessage() + ".");
    }
  }

  private static String sentence(String message) {
    if (message == null || message.isBlank()) {
      return "The request was refused.";
    }
    String s = Character.toUpperCase(message.charAt(0)) + message.substring(1);
    return s.endsWith(".") ? s : s + ".";
  }
}
