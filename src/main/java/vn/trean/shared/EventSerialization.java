package vn.trean.shared;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * How a persisted event publication's event is written and read back: JSON by the
 * application's own mapper. Spring Modulith's own serializer (excluded in
 * {@code application.properties}) does the same but looks the mapper up in the context on
 * every event, which cost a report about as much CPU as writing the JSON itself.
 */
@Configuration(proxyBeanMethods = false)
class EventSerialization {

	@Bean
	EventSerializer eventSerializer(JsonMapper json) {
		return new EventSerializer() {

			@Override
			public Object serialize(Object event) {
				return json.writeValueAsString(event);
			}

			@Override
			public <T> T deserialize(Object serialized, Class<T> type) {
				return json.readerFor(type).readValue(serialized.toString());
			}

		};
	}

}
