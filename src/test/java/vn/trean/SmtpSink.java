package vn.trean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server on a local port that accepts every message and keeps it, so tests
 * can read what the application really sent over SMTP. It can be stopped (connections are
 * refused, like a mail server that is down) and started again on the same port.
 */
public final class SmtpSink implements AutoCloseable {

	/** One received message: envelope recipients and the raw data. */
	public record Message(List<String> recipients, String data) {
	}

	private final List<Message> messages = new CopyOnWriteArrayList<>();

	private final int port;

	private volatile ServerSocket server;

	public SmtpSink() {
		this.port = listen(0);
	}

	public int port() {
		return port;
	}

	/**
	 * Stops accepting connections: the application's mail fails as with a server down.
	 */
	public void stop() throws IOException {
		server.close();
	}

	/** Accepts connections again, on the same port. */
	public void start() {
		listen(port);
	}

	private int listen(int on) {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new java.net.InetSocketAddress(on));
			server = socket;
			Thread acceptor = new Thread(() -> accept(socket), "smtp-sink");
			acceptor.setDaemon(true);
			acceptor.start();
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Points the application's mail at this sink, with links to the given public address.
	 */
	public void configure(org.springframework.test.context.DynamicPropertyRegistry registry, String publicBaseUrl) {
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", this::port);
		registry.add("trean.notices.public-base-url", () -> publicBaseUrl);
	}

	public List<Message> messages() {
		return List.copyOf(messages);
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			try (Socket socket = server.accept()) {
				converse(socket);
			}
			catch (IOException ex) {
				// closed, or a client went away
			}
		}
	}

	private void converse(Socket socket) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
		PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
		out.print("220 sink\r\n");
		out.flush();
		List<String> recipients = new CopyOnWriteArrayList<>();
		String line;
		while ((line = in.readLine()) != null) {
			String command = line.toUpperCase();
			if (command.startsWith("RCPT TO:")) {
				recipients.add(line.substring(8).trim());
				reply(out, "250 ok");
			}
			else if (command.equals("DATA")) {
				reply(out, "354 go ahead");
				StringBuilder data = new StringBuilder();
				while ((line = in.readLine()) != null && !line.equals(".")) {
					data.append(line).append('\n');
				}
				messages.add(new Message(List.copyOf(recipients), data.toString()));
				recipients.clear();
				reply(out, "250 queued");
			}
			else if (command.equals("QUIT")) {
				reply(out, "221 bye");
				return;
			}
			else {
				reply(out, "250 ok");
			}
		}
	}

	private static void reply(PrintWriter out, String text) {
		out.print(text + "\r\n");
		out.flush();
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

}
