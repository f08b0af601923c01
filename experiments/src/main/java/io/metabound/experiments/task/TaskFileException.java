package io.metabound.experiments.task;

/**
 * A task file that cannot be read or written. The message names the file, the field and the problem
 * in one line, e.g. {@code tasks.json: tasks[3].H: not symmetric (H[0][1]=2 vs H[1][0]=3)}.
 */
public class TaskFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TaskFileException(String message) {
    super(message);
  }

  public TaskFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
