/**
 * What every REST resource shares: the JSON error shape {@code {"code","message"}}, the exception
 * mappers that produce it, and paging. Depends on nothing else in the controller.
 */
package io.otedama.controller.api;
