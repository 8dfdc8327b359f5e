package de.lotse;

import de.lotse.knowledge.FirstLoad;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LotseApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(LotseApplication.class);
        // compile the rules folder while Spring builds the service, not after it (start-up time)
        application.addListeners(new FirstLoad());
        application.run(args);
    }
}
