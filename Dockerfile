# Energy Lab as a container image. Build the production jar first, on a machine with Java 17 and Maven:
#   mvn -B -Pproduction package -DskipTests
#   docker build -t energy-lab .
# The image runs the jar with the memory settings of README "Deploying for a class", and a
# class-data-sharing archive made at image build time so that a new instance starts quickly.
FROM eclipse-temurin:17-jre

RUN useradd --system --create-home --home-dir /srv/energylab energylab
WORKDIR /srv/energylab
COPY target/energy-lab-0.1.0-SNAPSHOT.jar /tmp/energy-lab.jar
RUN java -Djarmode=tools -jar /tmp/energy-lab.jar extract --destination app \
    && rm /tmp/energy-lab.jar \
    && ENERGYLAB_DATA_DIR=/tmp/cds-data java -XX:ArchiveClassesAtExit=app/energy-lab.jsa \
        -Dspring.context.exit=onRefresh -jar app/energy-lab-0.1.0-SNAPSHOT.jar \
    && rm -rf /tmp/cds-data \
    && mkdir data && chown energylab data

USER energylab
ENV OMP_NUM_THREADS=1 \
    MALLOC_ARENA_MAX=2 \
    ENERGYLAB_DATA_DIR=/srv/energylab/data \
    JAVA_TOOL_OPTIONS="-Xmx1g"
EXPOSE 8080
VOLUME /srv/energylab/data
ENTRYPOINT ["java", "-XX:SharedArchiveFile=app/energy-lab.jsa", "-jar", "app/energy-lab-0.1.0-SNAPSHOT.jar"]
